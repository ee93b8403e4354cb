import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Gestione } from "@/generated/prisma/enums";
import { prefixedCookieName } from "@/lib/cookie-names";
import { getConfig } from "@/server/config";
import type { ContributorActor, OperatorActor } from "./actor";
import { csrfCookieName, realmPaths, sessionCookieName, type Realm } from "./auth-options";
import { checkSession } from "./check-session";
import { endAllSessions } from "./end-sessions";
import { getSessionEndReason } from "./get-session-end-reason";
import { requestOriginOf, type RequestOrigin } from "./request-origin";
import { readOperatorWithSession } from "./operator-record";
import { contributorResolution, readPersonWithSession, type ContributorResolution } from "./resolve-contributor";
import { operatorActor } from "./resolve-operator";

/** The cookie holding the profile a contributor chose to act as; re-validated on every request. */
export function profileCookieName(): string {
  return prefixedCookieName("cb.cassetto.profilo", { secure: getConfig().secureCookies, path: "/" });
}

/**
 * Who the realm's session cookie names, if next-auth signed it and it has not
 * expired. Only decoded: `getServerSession` would also build the options,
 * derive the key a second time and encrypt a renewed token on every call, a
 * cookie a server component cannot set anyway. The token holds three claims,
 * far below the size at which next-auth splits a cookie in chunks.
 */
async function signedSession(realm: Realm): Promise<{ subjectId: string; sessionId: string } | null> {
  const config = getConfig();
  const token = (await cookies()).get(sessionCookieName(realm, config.secureCookies))?.value;
  if (!token || !config.AUTH_SECRET) return null;
  const claims = await decode({ token, secret: config.AUTH_SECRET }).catch(() => null);
  if (claims?.realm !== realm || !claims.sub || !claims.sid) return null;
  return { subjectId: claims.sub, sessionId: claims.sid };
}

/**
 * The id the signed session cookie names, WITHOUT asking the database whether
 * that session is still open. Only for keeping a form on disk while the
 * database does not answer: the form is given back to a checked session only.
 */
export async function getUncheckedRealmSubject(realm: Realm): Promise<string | null> {
  return (await signedSession(realm))?.subjectId ?? null;
}

/**
 * The id (person or operator) signed in to this realm, if any: the session
 * cookie must name a session that is still open (decision 0014).
 */
export async function getRealmSubject(realm: Realm): Promise<string | null> {
  return (await openRealmSession(realm))?.subjectId ?? null;
}

/**
 * The subject of this realm's open session and where the request came from
 * (carried by the actor, for the security log). Once per request (React's
 * `cache`): the layout, the page and their components all ask.
 */
const openRealmSession = cache(async (realm: Realm): Promise<{ subjectId: string; sessionId: string; origin: RequestOrigin } | null> => {
  const session = await signedSession(realm);
  if (!session) return null;
  const origin = requestOriginOf(await headers(), getConfig().TRUST_PROXY);
  const open = await checkSession(realm, session.sessionId, session.subjectId, new Date(), origin);
  return open ? { ...session, origin } : null;
});

/** The signed-in contributor, resolved once per request. */
export const getContributorResolution = cache(async (): Promise<ContributorResolution | null> => {
  const session = await openRealmSession("cassetto");
  if (!session) return null;
  // The row the session check read, from React's cache: no second statement.
  const person = await readPersonWithSession(session.subjectId, session.sessionId);
  const resolution = contributorResolution(person, (await cookies()).get(profileCookieName())?.value);
  return resolution.status === "ok" ? { ...resolution, actor: { ...resolution.actor, origin: session.origin } } : resolution;
});

/** The gestioni the signed-in person holds positions in themselves: read with their session, no statement of its own. */
export async function signedInPersonHeldGestioni(): Promise<Gestione[]> {
  const session = await openRealmSession("cassetto");
  if (!session) return [];
  const person = await readPersonWithSession(session.subjectId, session.sessionId);
  return person?.positions.map((position) => position.gestione) ?? [];
}

/** The signed-in operator, resolved once per request. */
export const getOperator = cache(async (): Promise<OperatorActor | null> => {
  const session = await openRealmSession("fascicolo");
  if (!session) return null;
  // The row the session check read, from React's cache: no second statement.
  const record = await readOperatorWithSession(session.subjectId, session.sessionId);
  const operator = record && operatorActor(record);
  return operator ? { ...operator, origin: session.origin } : null;
});

function signInPath(realm: Realm, callbackPath: string): string {
  return `${realmPaths[realm].signIn}?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

/**
 * Whether the session cookie of this realm names a session the server ended
 * for idleness: the sign-in page, where the refused request led, says so.
 */
export async function sessionEndedForIdleness(realm: Realm): Promise<boolean> {
  const session = await signedSession(realm);
  return session !== null && (await getSessionEndReason(realm, session.sessionId, session.subjectId)) === "IDLE_TIMEOUT";
}

/** The contributor for a Cassetto page, or a redirect to sign in / choose a profile. */
export async function requireContributor(callbackPath: string): Promise<ContributorActor> {
  const resolution = await getContributorResolution();
  if (!resolution || resolution.status === "unknown") redirect(signInPath("cassetto", callbackPath));
  if (resolution.status === "choose-profile") {
    redirect(`/cassetto/profilo?callbackUrl=${encodeURIComponent(callbackPath)}`);
  }
  return resolution.actor;
}

/** The operator for a Fascicolo page, or a redirect to the office sign-in. */
export async function requireOperator(callbackPath: string): Promise<OperatorActor> {
  const operator = await getOperator();
  if (!operator) redirect(signInPath("fascicolo", callbackPath));
  return operator;
}

/** next-auth's anti-forgery token, for forms that post to its endpoints without JavaScript. */
export async function getCsrfToken(): Promise<string | null> {
  const value = (await cookies()).get(csrfCookieName(getConfig().secureCookies))?.value;
  return value?.split("|")[0] || null;
}

/**
 * "Esci da tutti i dispositivi": ends every session of the signed-in subject
 * in this realm, this browser's included, and clears its session cookie.
 * Returns false when nobody was signed in.
 */
export async function signOutEverywhere(realm: Realm): Promise<boolean> {
  const subjectId = await getRealmSubject(realm);
  if (!subjectId) return false;
  await endAllSessions(realm, subjectId, new Date(), requestOriginOf(await headers(), getConfig().TRUST_PROXY));
  await clearSessionCookie(realm);
  return true;
}

/** Tells the browser to forget this realm's session cookie. */
export async function clearSessionCookie(realm: Realm): Promise<void> {
  const secure = getConfig().secureCookies;
  (await cookies()).set(sessionCookieName(realm, secure), "", { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 0 });
}
