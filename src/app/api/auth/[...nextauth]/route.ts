import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { refuseSignInOverLimit } from "@/app/_lib/http/sign-in-limit";
import { getConfig } from "@/server/config";
import { authOptionsFor, realmOfAuthRoute } from "@/server/identity/auth-options";
import { runAuthRequest } from "@/server/identity/auth-request-context";
import { requestOriginOf } from "@/server/identity/request-origin";
import { clearSessionCookie, getRealmSubject } from "@/server/identity/session";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * One next-auth route for both realms; the realm decides providers and cookies. Sign-ins count against their limit first.
 * next-auth's `session` endpoint trusts the signed token alone: a session ended on the server (sign-out, idleness,
 * deactivation; decision 0014) gets what next-auth answers nobody, `{}`, and the browser forgets the cookie.
 */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  const realm = realmOfAuthRoute(nextauth, request.nextUrl.searchParams.get("realm"));
  if (nextauth[0] === "session" && !(await getRealmSubject(realm))) {
    await clearSessionCookie(realm);
    return Response.json({});
  }
  const refused = await refuseSignInOverLimit(request, realm, nextauth[0]);
  if (refused) return refused;
  return runAuthRequest({ realm, origin: requestOriginOf(request.headers, getConfig().TRUST_PROXY) }, () =>
    NextAuth(request, context, authOptionsFor(realm)),
  );
}

export { handler as GET, handler as POST };
