/** Addresses of the contributor's file (F23) and of the search that finds it. */

export const CONTRIBUTOR_SEARCH_PATH = "/fascicolo/contribuenti";

export function contributorFilePath(codiceFiscale: string): string {
  return `${CONTRIBUTOR_SEARCH_PATH}/${encodeURIComponent(codiceFiscale)}`;
}
