import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FLOOR_ROWS, listFloorRows } from "@/server/bench/list-floor-rows";
import { NotFoundError } from "@/server/errors/domain-errors";
import { createSubjectTree } from "../../support/quesito-fixtures";

// The floor page of `npm run bench:pages` (/dev/pagina-minima) exists only while the benchmark asks for it.
describe("listFloorRows", () => {
  beforeAll(async () => {
    for (let index = 0; index < FLOOR_ROWS; index++) await createSubjectTree("AZIENDE");
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is not found unless BENCH_FLOOR_PAGE=true", async () => {
    vi.stubEnv("BENCH_FLOOR_PAGE", "");
    await expect(listFloorRows()).rejects.toThrow(NotFoundError);
    vi.stubEnv("BENCH_FLOOR_PAGE", "false");
    await expect(listFloorRows()).rejects.toThrow(NotFoundError);
  });

  it("gives 25 subjects of the reference table with BENCH_FLOOR_PAGE=true", async () => {
    vi.stubEnv("BENCH_FLOOR_PAGE", "true");
    const rows = await listFloorRows();
    expect(rows).toHaveLength(FLOOR_ROWS);
    expect(Object.keys(rows[0]!).sort()).toEqual(["code", "gestione", "id", "label"]);
  });
});
