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
