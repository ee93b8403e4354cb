/**
 * A search result's snippet: the text around the words found, those words
 * marked. PostgreSQL's ts_headline marks them with two control characters no
 * stored text may hold (see FORBIDDEN_CHARACTERS in form-fields.ts); the page
 * renders the parts as text and <mark>, never the database's output as HTML.
 */
export type SnippetPart = { text: string; marked: boolean };

export const SNIPPET_START = "\u0002";
export const SNIPPET_STOP = "\u0003";

/** The parts of a marked headline, its whitespace (line breaks of the thread) folded to single spaces. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.replace(/\s+/g, " ").trim().split(SNIPPET_START).entries()) {
    const [marked, rest] = index === 0 ? [null, piece] : splitOnce(piece, SNIPPET_STOP);
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest.replaceAll(SNIPPET_STOP, ""), marked: false });
  }
  return parts;
}

function splitOnce(piece: string, separator: string): [string, string] {
  const at = piece.indexOf(separator);
  return at < 0 ? [piece, ""] : [piece.slice(0, at), piece.slice(at + separator.length)];
}
