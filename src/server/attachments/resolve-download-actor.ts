import "server-only";
import type { Actor } from "@/server/identity/actor";
import { getContributorResolution, getOperator } from "@/server/identity/session";
import { SIDE_PARAM } from "./download-paths";

/**
 * Who asks for a file: the operator signed in to the Fascicolo when the link
 * says `lato=fascicolo`, otherwise the contributor signed in to the Cassetto
 * with a chosen profile. null when nobody is: the routes then answer "not found".
 */
export async function resolveDownloadActor(searchParams: URLSearchParams): Promise<Actor | null> {
  if (searchParams.get(SIDE_PARAM) === "fascicolo") return getOperator();
  const resolution = await getContributorResolution();
  return resolution?.status === "ok" ? resolution.actor : null;
}
