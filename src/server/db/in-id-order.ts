/**
 * Rows read by their ids (`id IN (…)`, which returns them in no particular
 * order) put back in the order of `ids`. An id whose row did not come back
 * (gone meanwhile, or out of the actor's reach by now) is left out.
 */
function inIdOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A list's page in two steps: its ids (and cursor values) from the tuned page
 * query, then what it shows of them from `read` — one statement joining every
 * relation of these few rows (decisions 0031, 0049) — in the page's order.
 * No ids, no statement.
 */
export async function readInIdOrder<Row extends { id: string }>(ids: string[], read: (ids: string[]) => Promise<Row[]>): Promise<Row[]> {
  return ids.length === 0 ? [] : inIdOrder(ids, await read(ids));
}
