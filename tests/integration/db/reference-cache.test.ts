import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { ReferenceCache } from "@/server/db/reference-cache";
import { createOffice } from "../../support/fixtures";

const caches: ReferenceCache[] = [];

/** A cache as an app server has one, once its listener is connected. */
async function listeningCache(url = process.env.DATABASE_URL!): Promise<ReferenceCache> {
  const cache = new ReferenceCache(url);
  caches.push(cache);
  await cache.read("warm-up", async () => null);
  await vi.waitFor(() => expect(cache.active).toBe(true), { timeout: 10_000 });
  return cache;
}

afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
});

describe("the reference cache", () => {
  it("reads once while it listens", async () => {
    const cache = await listeningCache();
    const load = vi.fn(async () => (await prisma.office.count()) >= 0);

    await cache.read("offices", load);
    await cache.read("offices", load);

    expect(load).toHaveBeenCalledTimes(1);
  });

  it("forgets what it kept when another connection changes a reference table, on every instance", async () => {
    const office = await createOffice();
    const [first, second] = [await listeningCache(), await listeningCache()];
    const officeName = () => prisma.office.findUniqueOrThrow({ where: { id: office.id } }).then((row) => row.name);
    expect(await first.read("office", officeName)).toBe(office.name);
    expect(await second.read("office", officeName)).toBe(office.name);

    await prisma.office.update({ where: { id: office.id }, data: { name: "Sede rinominata" } });

    await vi.waitFor(async () => expect(await first.read("office", officeName)).toBe("Sede rinominata"), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await second.read("office", officeName)).toBe("Sede rinominata"), { timeout: 10_000 });
  });

  it("is notified by each reference table's trigger", async () => {
    const cache = await listeningCache();
    const changes = {
      GestioneSettings: () => prisma.$executeRaw`UPDATE "GestioneSettings" SET "label" = "label" WHERE false`,
      Office: () => prisma.$executeRaw`UPDATE "Office" SET "name" = "name" WHERE false`,
      SmartTaskEnablement: () => prisma.$executeRaw`UPDATE "SmartTaskEnablement" SET "opening" = "opening" WHERE false`,
      SmartTaskPilotGroup: () => prisma.$executeRaw`UPDATE "SmartTaskPilotGroup" SET "version" = "version" WHERE false`,
    };
    for (const [table, change] of Object.entries(changes)) {
      const load = vi.fn(async () => table);
      await cache.read(table, load);
      await cache.read(table, load);
      expect(load).toHaveBeenCalledTimes(1);

      // Even a statement that changes no row: the trigger runs once per statement.
      await change();

      await vi.waitFor(
        async () => {
          await cache.read(table, load);
          expect(load).toHaveBeenCalledTimes(2);
        },
        { timeout: 10_000 },
      );
    }
  });

  it("keeps nothing when it cannot listen: every read goes to the database", async () => {
    const cache = new ReferenceCache("postgres://nobody@127.0.0.1:1/none");
    caches.push(cache);
    const load = vi.fn(async () => "value");

    await cache.read("value", load);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await cache.read("value", load);

    expect(cache.active).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps nothing once the listening connection is gone", async () => {
    const cache = await listeningCache();
    const load = vi.fn(async () => "value");
    await cache.read("value", load);

    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN reference_data' AND datname = current_database()`;

    await vi.waitFor(() => expect(cache.active).toBe(false), { timeout: 10_000 });
    await cache.read("value", load);
    await cache.read("value", load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
