import "server-only";
import { getConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { realmPaths, type Realm } from "./realms";

/**
 * Where the browser goes after the portal's sign-out: in production the
 * identity provider's RP-initiated logout (its `end_session_endpoint`), so
 * that its own session ends too and the next sign-in asks for the identity
 * again; back to the sign-in page after that, or straight there when the
 * provider offers no logout (or in the demo, which has no provider).
 */
export async function signOutDestination(realm: Realm): Promise<string> {
  const config = getConfig();
  const signedOut = `${config.PUBLIC_URL.replace(/\/$/, "")}${realmPaths[realm].signIn}?uscita=1`;
  if (config.isDemo) return signedOut;
  const [issuer, clientId] =
    realm === "cassetto"
      ? [config.OIDC_CONTRIBUENTI_ISSUER!, config.OIDC_CONTRIBUENTI_CLIENT_ID!]
      : [config.OIDC_OPERATORI_ISSUER!, config.OIDC_OPERATORI_CLIENT_ID!];
  try {
    const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5000),
    });
    const endSession = ((await response.json()) as { end_session_endpoint?: unknown }).end_session_endpoint;
    if (typeof endSession !== "string") return signedOut;
    const logout = new URL(endSession);
    logout.searchParams.set("client_id", clientId);
    logout.searchParams.set("post_logout_redirect_uri", signedOut);
    return logout.toString();
  } catch (error) {
    // The portal's session is over already; the provider's stays until it expires.
    logger.warn({ realm, reason: error instanceof Error ? error.message : String(error) }, "identity provider logout unavailable");
    return signedOut;
  }
}
