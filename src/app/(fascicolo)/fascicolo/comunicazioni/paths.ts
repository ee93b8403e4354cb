import { DRAFT_FIELD } from "@/server/drafts/schemas";

/** Addresses of Nuova comunicazione (F22): the page and the route its multipart form posts to. */
export const NEW_COMMUNICATION_PATH = "/fascicolo/comunicazioni/nuova";
const NEW_COMMUNICATION_UPLOAD_PATH = "/api/fascicolo/comunicazioni";
/** The chosen position, in both addresses. */
export const POSITION_PARAM = "posizione";

function withQuery(path: string, { positionId, draftId }: { positionId: string; draftId?: string | null }): string {
  const query = new URLSearchParams({ [POSITION_PARAM]: positionId });
  if (draftId) query.set(DRAFT_FIELD, draftId);
  return `${path}?${query.toString()}`;
}

/** The page with a position chosen, and the draft of a refused form if any. */
export function newCommunicationPath(target: { positionId: string; draftId?: string | null }): string {
  return withQuery(NEW_COMMUNICATION_PATH, target);
}

/** Where the form posts: the position decides the upload's limits. */
export function newCommunicationUploadPath(target: { positionId: string; draftId?: string | null }): string {
  return withQuery(NEW_COMMUNICATION_UPLOAD_PATH, target);
}
