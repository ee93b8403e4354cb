/**
 * A list's page (up to `size + 1` rows, the one beyond telling that another
 * page follows) and how many rows the list has, from `count`. On the first
 * page, when the page holds every row, their number is the total and `count`
 * is not sent: most contributors' lists and many offices' queues fit one
 * page, and every statement a view saves is server time (decision 0051). A
 * longer list is counted after its first page, and a later page (behind a
 * cursor) beside it, as before.
 */
export async function countedPage<Row>(
  read: () => Promise<Row[]>,
  count: () => Promise<number>,
  { size, firstPage }: { size: number; firstPage: boolean },
): Promise<[Row[], number]> {
  if (!firstPage) return Promise.all([read(), count()]);
  const found = await read();
  return [found, found.length <= size ? found.length : await count()];
}
