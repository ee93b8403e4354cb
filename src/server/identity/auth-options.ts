import "server-only";
import type { AuthOptions, CookiesOptions, LoggerInstance, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prefixedCookieName } from "@/lib/cookie-names";
import { getConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { logSecurityEvent } from "@/server/security/security-events";
import { currentAuthRequest } from "./auth-request-context";
import {
  authenticateDemoOperator,
  authenticateDemoPerson,
  authenticateOperatorFromClaims,
  authenticatePersonFromClaims,
  type Authentication,
} from "./authenticate";
import { endSession } from "./end-sessions";
import type { IdentityClaims } from "./identity-claims";
import { providerIds, realmPaths, sessionMaxAgeSeconds, type Realm } from "./realms";
import { startSession } from "./start-session";

export { providerIds, realmPaths, type Realm } from "./realms";

/** Cookies of the whole site: `__Host-` over https (see src/lib/cookie-names.ts). */
function siteCookieName(name: string, secure: boolean): string {
  return prefixedCookieName(name, { secure, path: "/" });
}

/** Shared by both realms: the anti-forgery cookie carries no identity. */
export function csrfCookieName(secure: boolean): string {
  return siteCookieName("cb.csrf-token", secure);
}

export function sessionCookieName(realm: Realm, secure: boolean): string {
  return siteCookieName(`cb.${realm}.session-token`, secure);
}

function cookies(realm: Realm, secure: boolean): Partial<CookiesOptions> {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const shortLived = { ...options, maxAge: 900 };
  return {
    sessionToken: { name: sessionCookieName(realm, secure), options },
    csrfToken: { name: csrfCookieName(secure), options },
    callbackUrl: { name: siteCookieName("cb.callback-url", secure), options },
    state: { name: siteCookieName(`cb.${realm}.state`, secure), options: shortLived },
    nonce: { name: siteCookieName(`cb.${realm}.nonce`, secure), options: shortLived },
    pkceCodeVerifier: { name: siteCookieName(`cb.${realm}.pkce`, secure), options: shortLived },
  };
}

/**
 * What a provider hands to next-auth: the subject, or a refusal that the
 * signIn callback turns into the sign-in page with its message (a thrown
 * error would bring the user back to it without one).
 */
function signInUser(authentication: Authentication): User {
  return authentication.status === "ok"
    ? { id: authentication.id, codiceFiscale: authentication.codiceFiscale }
    : { id: "refused", refusal: authentication.refusal, codiceFiscale: authentication.codiceFiscale };
}

function oidcProvider(
  id: string,
  name: string,
  issuer: string,
  clientId: string,
  clientSecret: string,
  authenticate: (claims: IdentityClaims) => Promise<Authentication>,
): OAuthConfig<IdentityClaims> {
  return {
    id,
    name,
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid profile" } },
    async profile(claims) {
      return signInUser(await authenticate(claims));
    },
  };
}

function demoProvider(id: string, authenticate: (codiceFiscale: string) => Promise<Authentication>) {
  const provider = CredentialsProvider({
    id,
    name: "Accesso dimostrativo",
    credentials: { codiceFiscale: { label: "Codice fiscale", type: "text" } },
    async authorize(credentials) {
      return signInUser(await authenticate(credentials?.codiceFiscale ?? ""));
    },
  });
  // next-auth merges `options` into the provider later; the id must be visible before that too.
  return { ...provider, id };
}

/** next-auth's failures on a sign-in callback (state, nonce, PKCE, the provider's answer). */
const signInFailureCodes = new Set(["OAUTH_CALLBACK_ERROR", "OAUTH_CALLBACK_HANDLER_ERROR", "CALLBACK_CREDENTIALS_HANDLER_ERROR"]);

/** The first clause of an error's message: "state mismatch, expected …, got: …" keeps no value. */
function errorSummary(metadata: unknown): string {
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  const message = error instanceof Error ? error.message : "";
  return message.split(/[,:]/)[0]!.slice(0, 120);
}

/** next-auth's own log, without tokens or profiles; failed sign-ins go to the security log. */
const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const request = currentAuthRequest();
    if (signInFailureCodes.has(code)) {
      logSecurityEvent({
        type: "sign-in-refused",
        realm: request?.realm,
        ...request?.origin,
        reason: `${code}: ${errorSummary(metadata)}`,
      });
    } else {
      logger.error({ code, reason: errorSummary(metadata), requestId: request?.origin.requestId }, "next-auth error");
    }
  },
  warn(code) {
    logger.warn({ code }, "next-auth warning");
  },
  debug() {},
};

export function authOptionsFor(realm: Realm): AuthOptions {
  const config = getConfig();
  const secure = config.secureCookies;
  const providers =
    realm === "cassetto"
      ? config.isDemo
        ? [demoProvider(providerIds.cassetto.demo, authenticateDemoPerson)]
        : [
            oidcProvider(
              providerIds.cassetto.oidc,
              "SPID o CIE",
              config.OIDC_CONTRIBUENTI_ISSUER!,
              config.OIDC_CONTRIBUENTI_CLIENT_ID!,
              config.OIDC_CONTRIBUENTI_CLIENT_SECRET!,
              authenticatePersonFromClaims,
            ),
          ]
      : config.isDemo
        ? [demoProvider(providerIds.fascicolo.demo, authenticateDemoOperator)]
        : [
            oidcProvider(
              providerIds.fascicolo.oidc,
              "Identità INPS",
              config.OIDC_OPERATORI_ISSUER!,
              config.OIDC_OPERATORI_CLIENT_ID!,
              config.OIDC_OPERATORI_CLIENT_SECRET!,
              authenticateOperatorFromClaims,
            ),
          ];
  const origin = () => currentAuthRequest()?.origin ?? {};

  return {
    secret: config.AUTH_SECRET,
    providers,
    cookies: cookies(realm, secure),
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds[realm] },
    pages: { signIn: realmPaths[realm].signIn, error: realmPaths[realm].signIn, signOut: realmPaths[realm].signOut },
    logger: authLogger,
    callbacks: {
      signIn({ user }) {
        if (!user.refusal) return true;
        logSecurityEvent({ type: "sign-in-refused", realm, codiceFiscale: user.codiceFiscale, ...origin(), reason: user.refusal });
        return `${realmPaths[realm].signIn}?error=${user.refusal}`;
      },
      // The token carries the identity only: who, in which realm, and the session row to check (decision 0014).
      async jwt({ token, user }) {
        if (!user) return token;
        const sid = await startSession(realm, user.id, new Date());
        logSecurityEvent({ type: "sign-in", realm, codiceFiscale: user.codiceFiscale, ...origin() });
        return { sub: user.id, realm, sid };
      },
      session({ session, token }) {
        return { expires: session.expires, subjectId: token.sub, realm: token.realm, sessionId: token.sid };
      },
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackPath(url, baseUrl)}`,
    },
    events: {
      async signOut({ token }) {
        if (token?.realm === realm && token.sid && token.sub) await endSession(realm, token.sid, token.sub, new Date(), origin());
      },
    },
  };
}

/**
 * Only paths of this site may be redirect targets after sign-in or sign-out
 * (no open redirect); anything else falls back to the home page.
 */
export function safeCallbackPath(url: string | null | undefined, baseUrl = "http://localhost"): string {
  if (!url) return "/";
  try {
    const target = new URL(url, baseUrl);
    return target.origin === new URL(baseUrl).origin ? `${target.pathname}${target.search}` : "/";
  } catch {
    return "/";
  }
}

/** The realm a next-auth route call belongs to: from the provider id, else `?realm=`. */
export function realmOfAuthRoute(segments: string[], realmParameter: string | null): Realm {
  const providerId = segments[1] ?? "";
  if (providerId.startsWith("fascicolo-")) return "fascicolo";
  if (providerId.startsWith("cassetto-")) return "cassetto";
  return realmParameter === "fascicolo" ? "fascicolo" : "cassetto";
}
