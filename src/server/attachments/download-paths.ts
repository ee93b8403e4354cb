/**
 * Links to the download routes. One cookie realm per side: the office's
 * links carry `lato=fascicolo` so the route reads the operator's session.
 */

export type DownloadSide = "cassetto" | "fascicolo";

export const SIDE_PARAM = "lato";

export function attachmentDownloadPath(attachmentId: string, side: DownloadSide): string {
  const path = `/api/allegati/${encodeURIComponent(attachmentId)}`;
  return side === "fascicolo" ? `${path}?${SIDE_PARAM}=fascicolo` : path;
}

/** The bundle exists only for the office. */
export function bundleDownloadPath(messageId: string): string {
  return `/api/messaggi/${encodeURIComponent(messageId)}/archivio?${SIDE_PARAM}=fascicolo`;
}
