import "server-only";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";

export type FloorRow = { id: string; gestione: string; code: string; label: string };

/** As many rows as a list page shows. */
export const FLOOR_ROWS = 25;

/**
 * The rows of the benchmark's floor page (/dev/pagina-minima): one query, the
 * first subjects of the reference table, public data. Only while
 * BENCH_FLOOR_PAGE=true (`npm run bench:pages`); otherwise NotFoundError.
 */
export async function listFloorRows(): Promise<FloorRow[]> {
  if (!getConfig().BENCH_FLOOR_PAGE) throw new NotFoundError();
  return prisma.subject.findMany({
    select: { id: true, gestione: true, code: true, label: true },
    orderBy: [{ gestione: "asc" }, { code: "asc" }],
    take: FLOOR_ROWS,
  });
}
