/** Addresses of the office's quesito pages and the reply upload. */

export function quesitoPath(quesitoId: string): string {
  return `/fascicolo/quesiti/${encodeURIComponent(quesitoId)}`;
}

export function replyUploadPath(quesitoId: string): string {
  return `/api/fascicolo/quesiti/${encodeURIComponent(quesitoId)}/risposta`;
}
