import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { createRateLimiter } from "@/server/rate-limit/rate-limits";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";

// Two pools stand for two app instances: what one counts, the other sees.
const pools = [0, 1].map(() => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }));
const config = parseConfig({ RATE_LIMIT_SUBMISSIONS: "3/600", RATE_LIMIT_EXPORTS: "2/600", RATE_LIMIT_IP_FACTOR: "2" });
const [first, second] = pools.map((pool) => createRateLimiter(pool, () => config));

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

async function refusal(count: Promise<void>): Promise<RateLimitedError> {
  const error = await count.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return error as RateLimitedError;
}

describe("rate limits in PostgreSQL", () => {
  it("are shared by two instances: the fourth submission of a person is refused whichever instance counts it", async () => {
    await first!.consume("submissions", { identity: "person-a" });
    await second!.consume("submissions", { identity: "person-a" });
    await first!.consume("submissions", { identity: "person-a" });

    const error = await refusal(second!.consume("submissions", { identity: "person-a" }));

    expect(error).toMatchObject({ status: 429, limit: "submissions", points: 3, windowSeconds: 600 });
    expect(error.retryAfterSeconds).toBeGreaterThan(500);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(error.message).toMatch(/^Troppe richieste in poco tempo: riprovare tra (9|10) minuti\.$/);
    // Another person, and another limit of the same person, are counted apart.
    await first!.consume("submissions", { identity: "person-b" });
    await first!.consume("exports", { identity: "person-a" });
  });

  it("give an address RATE_LIMIT_IP_FACTOR times a person's limit, whoever is behind it", async () => {
    for (const person of ["p1", "p1", "p2", "p2"]) await first!.consume("exports", { identity: person, ip: "203.0.113.7" });

    const error = await refusal(second!.consume("exports", { identity: "p3", ip: "203.0.113.7" }));

    expect(error).toMatchObject({ limit: "exports", points: 4 });
    await second!.consume("exports", { identity: "p4", ip: "203.0.113.8" });
  });

  it("keep neither the codice fiscale nor the address in the table", async () => {
    await first!.consume("sign-in", { identity: "RSSMRA78E14H501S", ip: "198.51.100.23" });

    const { rows } = await pools[0]!.query<{ key: string }>(`SELECT key FROM "RateLimit"`);
    const keys = rows.map((row) => row.key).join(" ");
    expect(keys).toContain("sign-in:identity:");
    expect(keys).not.toContain("RSSMRA78E14H501S");
    expect(keys).not.toContain("198.51.100.23");
  });

  it("count a codice fiscale of any length typed at sign-in", async () => {
    await expect(first!.consume("sign-in", { identity: "X".repeat(10_000) })).resolves.toBeUndefined();
  });
});
