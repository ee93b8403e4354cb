import { encode, type JWT } from "next-auth/jwt";
import { sessionCookieName, type Realm } from "@/server/identity/auth-options";

/** The AUTH_SECRET the tests sign session cookies with: stub it in the environment (`vi.stubEnv`). */
export const TEST_AUTH_SECRET = "s".repeat(48);

/**
 * The session cookie a sign-in sets on http (next-auth's encrypted token:
 * subject, realm, session row), as [name, value]; `cookieRealm` is the
 * realm whose cookie carries it.
 */
export async function sessionCookie(
  cookieRealm: Realm,
  token: JWT,
  { secret = TEST_AUTH_SECRET, maxAge = 3600 }: { secret?: string; maxAge?: number } = {},
): Promise<[string, string]> {
  return [sessionCookieName(cookieRealm, false), await encode({ token, secret, maxAge })];
}
