import "server-only";
import type { AuthOptions, CookiesOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "@/server/config";
import {
  authenticateDemoOperator,
  authenticateDemoPerson,
  authenticateOperatorFromClaims,
  authenticatePersonFromClaims,
} from "./authenticate";
import type { IdentityClaims } from "./identity-claims";

/**
 * Two realms on one next-auth route: contributors (Cassetto) and operators
 * (Fascicolo) sign in separately and hold separate session cookies, so one
 * browser can carry both without either seeing the other's pages.
 * See docs/decisions/0004-two-session-realms.md.
 */
export type Realm = "cassetto" | "fascicolo";

export const realmPaths: Record<Realm, { home: string; signIn: string; signOut: string }> = {
  cassetto: { home: "/cassetto", signIn: "/accesso", signOut: "/esci" },
  fascicolo: { home: "/fascicolo", signIn: "/fascicolo/accesso", signOut: "/fascicolo/esci" },
};

export const providerIds = {
  cassetto: { demo: "cassetto-demo", oidc: "cassetto-spid" },
  fascicolo: { demo: "fascicolo-demo", oidc: "fascicolo-intranet" },
} as const;

/** Shared by both realms: anti-forgery and callback cookies carry no identity. */
export const CSRF_COOKIE = "cb.csrf-token";

export function sessionCookieName(realm: Realm): string {
  return `cb.${realm}.session-token`;
}

function cookies(realm: Realm, secure: boolean): Partial<CookiesOptions> {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: sessionCookieName(realm), options },
    csrfToken: { name: CSRF_COOKIE, options },
    callbackUrl: { name: "cb.callback-url", options },
    state: { name: `cb.${realm}.state`, options: { ...options, maxAge: 900 } },
    nonce: { name: `cb.${realm}.nonce`, options },
    pkceCodeVerifier: { name: `cb.${realm}.pkce`, options: { ...options, maxAge: 900 } },
  };
}

function oidcProvider(
  id: string,
  name: string,
  issuer: string,
  clientId: string,
  clientSecret: string,
  authenticate: (claims: IdentityClaims) => Promise<{ id: string } | null>,
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
      const subject = await authenticate(claims);
      // next-auth turns a thrown error into the sign-in page's "error" parameter.
      if (!subject) throw new Error("Identità non riconosciuta");
      return { id: subject.id };
    },
  };
}

function demoProvider(id: string, authenticate: (codiceFiscale: string) => Promise<{ id: string } | null>) {
  const provider = CredentialsProvider({
    id,
    name: "Accesso dimostrativo",
    credentials: { codiceFiscale: { label: "Codice fiscale", type: "text" } },
    async authorize(credentials) {
      const codiceFiscale = credentials?.codiceFiscale?.trim().toUpperCase();
      return codiceFiscale ? authenticate(codiceFiscale) : null;
    },
  });
  // next-auth merges `options` into the provider later; the id must be visible before that too.
  return { ...provider, id };
}

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

  return {
    secret: config.AUTH_SECRET,
    providers,
    cookies: cookies(realm, secure),
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: realm === "cassetto" ? 2 * 60 * 60 : 10 * 60 * 60 },
    pages: { signIn: realmPaths[realm].signIn, error: realmPaths[realm].signIn, signOut: realmPaths[realm].signOut },
    callbacks: {
      // The token carries the identity only: who, and in which realm.
      jwt({ token, user }) {
        if (user) return { sub: user.id, realm };
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, subjectId: token.sub, realm: token.realm };
      },
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackPath(url, baseUrl)}`,
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
