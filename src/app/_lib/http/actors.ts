import "server-only";
import type { Actor, ContributorActor, OperatorActor } from "@/server/identity/actor";
import { getContributorResolution, getOperator } from "@/server/identity/session";

/** The contributor signed in to the Cassetto with a chosen profile; null when nobody is. */
export async function signedInContributor(): Promise<ContributorActor | null> {
  const resolution = await getContributorResolution();
  return resolution?.status === "ok" ? resolution.actor : null;
}

/** The operator signed in to the Fascicolo; null when nobody is. */
export function signedInOperator(): Promise<OperatorActor | null> {
  return getOperator();
}

/** The realm a link names (`?lato=fascicolo` for the office), where links are shared by both. */
export function signedInOnSide(side: string | null): Promise<Actor | null> {
  return side === "fascicolo" ? signedInOperator() : signedInContributor();
}
