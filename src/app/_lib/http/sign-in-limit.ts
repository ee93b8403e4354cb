import "server-only";
import { realmPaths, type Realm } from "@/server/identity/auth-options";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";
import { callerOf, countRequest } from "./caller";
import { rateLimitHeaders } from "./problem-response";
import { seeOther } from "./see-other";

/** The sign-in page's `error` code for a sign-in over the limit. */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

/** next-auth's endpoints that start a sign-in: the demo form's callback, and the redirect to the identity provider. */
const SIGN_IN_ACTIONS = new Set(["callback", "signin"]);

/**
 * The sign-in limit, counted before next-auth sees a POST that signs in: per
 * codice fiscale typed (demo sign-in) and per address. Over it, the browser
 * goes back to the realm's sign-in page, which says so (with Retry-After);
 * null lets next-auth go on. next-auth checks its own anti-forgery token.
 */
export async function refuseSignInOverLimit(request: Request, realm: Realm, action: string | undefined): Promise<Response | null> {
  if (request.method !== "POST" || !action || !SIGN_IN_ACTIONS.has(action)) return null;
  const typed = (
    await request
      .clone()
      .formData()
      .catch(() => null)
  )?.get("codiceFiscale");
  const codiceFiscale = typeof typed === "string" && typed.trim() ? typed.trim().toUpperCase() : undefined;
  try {
    await countRequest("sign-in", { kind: "sign-in", realm, codiceFiscale }, callerOf(request.headers, new URL(request.url).pathname));
    return null;
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    const response = seeOther(`${realmPaths[realm].signIn}?error=${SIGN_IN_RATE_LIMITED}`);
    for (const [name, value] of Object.entries(rateLimitHeaders(error))) response.headers.set(name, value);
    return response;
  }
}
