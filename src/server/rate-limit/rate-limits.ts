import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig, type AppConfig } from "@/server/config";
import { rateLimitPool } from "./pool";
import { RateLimitedError } from "./rate-limited-error";

/**
 * Limits on what a person, or one address, may ask for within a window,
 * counted in PostgreSQL (the RateLimit table) so that every app instance
 * sees the same counts (decision 0015). Each limit is configured per person
 * (RATE_LIMIT_<NAME> = <requests>/<seconds>); one address gets
 * RATE_LIMIT_IP_FACTOR times as many, as many people may share it.
 */

export const rateLimitNames = ["sign-in", "delegations", "contacts", "submissions", "exports", "imports", "replies"] as const;
export type RateLimitName = (typeof rateLimitNames)[number];

/** Who is counted: a person (their id, or the codice fiscale typed at sign-in) and the caller's address. */
export type RateLimitKeys = { identity?: string; ip?: string };

type Window = { points: number; seconds: number };

const configKeys: Record<RateLimitName, keyof AppConfig & `RATE_LIMIT_${string}`> = {
  "sign-in": "RATE_LIMIT_SIGN_IN",
  delegations: "RATE_LIMIT_DELEGATIONS",
  contacts: "RATE_LIMIT_CONTACTS",
  submissions: "RATE_LIMIT_SUBMISSIONS",
  exports: "RATE_LIMIT_EXPORTS",
  imports: "RATE_LIMIT_IMPORTS",
  replies: "RATE_LIMIT_REPLIES",
};

/** The windows of one limit: per person, and per address. */
export function rateLimitWindows(name: RateLimitName, config: AppConfig = getConfig()): Record<keyof RateLimitKeys, Window> {
  const perPerson = config[configKeys[name]] as Window;
  return { identity: perPerson, ip: { points: perPerson.points * config.RATE_LIMIT_IP_FACTOR, seconds: perPerson.seconds } };
}

/** Keys are hashed: no codice fiscale or address at rest, and a bounded length whatever was typed. */
const hashed = (value: string) => createHash("sha256").update(value).digest("base64url");

export type RateLimiter = {
  /** Counts one request of `keys` against `name`; RateLimitedError when a key is over its limit. */
  consume(name: RateLimitName, keys: RateLimitKeys): Promise<void>;
};

/** A rate limiter counting in the RateLimit table through `pool`. */
export function createRateLimiter(pool: pg.Pool, config: () => AppConfig = getConfig): RateLimiter {
  // One library limiter per limit, key kind and window: building one is cheap, but each starts a sweep timer.
  const limiters = new Map<string, RateLimiterPostgres>();
  const limiterFor = (name: RateLimitName, kind: keyof RateLimitKeys, window: Window) => {
    const id = `${name}:${kind}:${window.points}/${window.seconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "RateLimit",
        // Created by a Prisma migration, not at run time.
        tableCreated: true,
        keyPrefix: `${name}:${kind}`,
        points: window.points,
        duration: window.seconds,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };

  return {
    async consume(name, keys) {
      const windows = rateLimitWindows(name, config());
      const counted = (["identity", "ip"] as const).flatMap((kind) => {
        const key = keys[kind];
        return key ? [{ window: windows[kind], count: limiterFor(name, kind, windows[kind]).consume(hashed(key)) }] : [];
      });
      const outcomes = await Promise.allSettled(counted.map(({ count }) => count));
      let refusal: RateLimitedError | null = null;
      for (const [index, outcome] of outcomes.entries()) {
        if (outcome.status === "fulfilled") continue;
        // The library rejects with its result when over the limit, with an Error when the store fails.
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        const { window } = counted[index]!;
        const retryAfter = Math.max(1, Math.ceil(outcome.reason.msBeforeNext / 1000));
        if (!refusal || retryAfter > refusal.retryAfterSeconds) {
          refusal = new RateLimitedError(name, window.points, window.seconds, retryAfter);
        }
      }
      if (refusal) throw refusal;
    },
  };
}

const globalForLimiter = globalThis as unknown as { rateLimiter?: RateLimiter };

/** The app's rate limiter, over the app's database. */
export function rateLimiter(): RateLimiter {
  globalForLimiter.rateLimiter ??= createRateLimiter(rateLimitPool());
  return globalForLimiter.rateLimiter;
}
