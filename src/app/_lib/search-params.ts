/** A page's `searchParams` as Next gives them. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of one parameter: our forms and links never repeat one. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The first value of each parameter given. */
export function firstValues(params: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const first = firstValue(value);
    if (first !== undefined) values[name] = first;
  }
  return values;
}

/** Where a keyset-paged list goes next: its `dopo` or `prima` cursor, or none for the first page. */
export type ListCursor = { dopo: string } | { prima: string } | null;

/** A list's address with the filters named (those given) and a cursor. */
export function listPageHref(path: string, names: readonly string[], params: Record<string, string>, cursor: ListCursor = null): string {
  const query = new URLSearchParams();
  for (const name of names) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  for (const [name, value] of Object.entries(cursor ?? {})) query.set(name, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The Pagination links of a keyset-paged list, or null when it has one page. */
export function keysetPageLinks(
  href: (cursor?: ListCursor) => string,
  page: { previousCursor: string | null; nextCursor: string | null },
): { firstHref?: string; previousHref?: string; nextHref?: string } | null {
  if (!page.previousCursor && !page.nextCursor) return null;
  return {
    firstHref: page.previousCursor ? href() : undefined,
    previousHref: page.previousCursor ? href({ prima: page.previousCursor }) : undefined,
    nextHref: page.nextCursor ? href({ dopo: page.nextCursor }) : undefined,
  };
}
