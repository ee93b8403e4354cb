import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ContributorActor, OperatorActor } from "./actor";
import { authOptionsFor, CSRF_COOKIE, realmPaths, type Realm } from "./auth-options";
import { resolveContributor, type ContributorResolution } from "./resolve-contributor";
import { resolveOperator } from "./resolve-operator";

/** The profile a contributor chose to act as; re-validated on every request. */
export const PROFILE_COOKIE = "cb.cassetto.profilo";

/** The id (person or operator) signed in to this realm, if any. */
export async function getRealmSubject(realm: Realm): Promise<string | null> {
  const session = await getServerSession(authOptionsFor(realm));
  return session?.realm === realm && session.subjectId ? session.subjectId : null;
}

export async function getContributorResolution(): Promise<ContributorResolution | null> {
  const personId = await getRealmSubject("cassetto");
  if (!personId) return null;
  return resolveContributor(personId, (await cookies()).get(PROFILE_COOKIE)?.value);
}

export async function getOperator(): Promise<OperatorActor | null> {
  const operatorId = await getRealmSubject("fascicolo");
  return operatorId ? resolveOperator(operatorId) : null;
}

function signInPath(realm: Realm, callbackPath: string): string {
  return `${realmPaths[realm].signIn}?callbackUrl=${encodeURIComponent(callbackPath)}`;
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
  const value = (await cookies()).get(CSRF_COOKIE)?.value;
  return value?.split("|")[0] || null;
}
