import "server-only";
import { NotFoundError } from "@/server/errors/domain-errors";
import { problemResponse } from "@/server/errors/map-error";
import type { Actor } from "@/server/identity/actor";
import { getContributorResolution, getOperator } from "@/server/identity/session";
import { SIDE_PARAM } from "./download-paths";
import { fileDownloadResponse } from "./download-response";
import type { FileDownload } from "./get-attachment-download";

/**
 * Who asks for a file: the operator signed in to the Fascicolo when the link
 * says `lato=fascicolo`, otherwise the contributor signed in to the Cassetto
 * with a chosen profile; null when nobody is.
 */
async function downloadActor(searchParams: URLSearchParams): Promise<Actor | null> {
  if (searchParams.get(SIDE_PARAM) === "fascicolo") return getOperator();
  const resolution = await getContributorResolution();
  return resolution?.status === "ok" ? resolution.actor : null;
}

/**
 * What a download route answers: the file `download` gives whoever asks, or
 * problem details. Nobody signed in gets the same "not found" (`notFound`)
 * as a file out of reach.
 */
export async function downloadRouteResponse(
  searchParams: URLSearchParams,
  notFound: string,
  download: (actor: Actor) => Promise<FileDownload>,
): Promise<Response> {
  try {
    const actor = await downloadActor(searchParams);
    if (!actor) throw new NotFoundError(notFound);
    return fileDownloadResponse(await download(actor));
  } catch (error) {
    return problemResponse(error);
  }
}
