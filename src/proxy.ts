import { NextResponse, type NextRequest } from "next/server";
import { proxySettings } from "@/server/config";
import { oldEntryPointTarget } from "@/server/old-entry-points/old-paths";
import { createNonce, securityResponseHeaders } from "@/server/security/response-headers";

/**
 * Every response gets a Content-Security-Policy with a fresh nonce. The policy
 * is also set on the request: Next.js reads the nonce from it while rendering
 * and puts it on its own inline and bootstrap scripts (pages render per request,
 * see src/app/layout.tsx). The old cassetto's pages are answered here with a
 * permanent redirect to their new ones (F18, src/server/old-entry-points).
 */
export function proxy(request: NextRequest): NextResponse {
  const config = proxySettings();
  const headers = securityResponseHeaders(config, createNonce(), {
    development: process.env.NODE_ENV === "development",
  });
  const target = oldEntryPointTarget(request.nextUrl.pathname, request.nextUrl.searchParams);
  let response: NextResponse;
  if (target) {
    // Always a path of this portal (oldEntryPointTarget), on the address users reach it by (Next wants it absolute).
    response = NextResponse.redirect(new URL(target, config.PUBLIC_URL), 308);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) if (value) response.headers.set(name, value);
  return response;
}

export const config = {
  // Built assets carry no markup; everything else (pages, their data, route handlers) gets the headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
