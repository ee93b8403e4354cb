import type { Actor } from "./actor";

/**
 * Two realms on one next-auth route: contributors (Cassetto) and operators
 * (Fascicolo) sign in separately and hold separate session cookies, so one
 * browser can carry both without either seeing the other's pages.
 * See docs/decisions/0004-two-session-realms.md.
 */
export type Realm = "cassetto" | "fascicolo";

/** The realm an actor signed in to. */
export function realmOf(actor: Actor): Realm {
  return actor.kind === "contributor" ? "cassetto" : "fascicolo";
}

export const realmPaths: Record<Realm, { home: string; signIn: string; signOut: string }> = {
  cassetto: { home: "/cassetto", signIn: "/accesso", signOut: "/esci" },
  fascicolo: { home: "/fascicolo", signIn: "/fascicolo/accesso", signOut: "/fascicolo/esci" },
};

export const providerIds = {
  cassetto: { demo: "cassetto-demo", oidc: "cassetto-spid" },
  fascicolo: { demo: "fascicolo-demo", oidc: "fascicolo-intranet" },
} as const;

/** Where next-auth sends the browser after a sign-out: on to the identity provider's logout (provider-sign-out.ts). */
export function signOutCallbackPath(realm: Realm): string {
  return `/api/auth/uscita-gestore?realm=${realm}`;
}

/** How long a session lasts at most from sign-in, whatever the activity. */
export const sessionMaxAgeSeconds: Record<Realm, number> = { cassetto: 2 * 60 * 60, fascicolo: 10 * 60 * 60 };

export function isRealm(value: unknown): value is Realm {
  return value === "cassetto" || value === "fascicolo";
}
