import "server-only";
import pg from "pg";
import { logger } from "@/server/logger";

/** The channel the reference tables' trigger notifies on every change (migration reference_data_notify). */
export const REFERENCE_CHANNEL = "reference_data";

/** After the listener fails, the cache is bypassed this long before listening is tried again. */
const RETRY_AFTER_MS = 5_000;

/**
 * Reference data every page reads — the gestioni's settings, the offices, the
 * Smart-Task openings — kept in this process between requests, but only while
 * a dedicated connection LISTENs to the notifications a trigger sends on every
 * change of those tables, whichever instance or script made it: a change on
 * another instance empties this cache as soon as it commits (decision 0050).
 * Not listening (starting, connection lost) means not caching: every read
 * goes to the database, as before.
 */
export class ReferenceCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private listener: pg.Client | null = null;
  private listening = false;
  private retryAt = 0;

  constructor(private readonly connectionString: string) {}

  /** The value under `key`, loaded once while listening; loaded every time otherwise. */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.listening) {
      this.listen();
      return load();
    }
    const cached = this.entries.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const loading = load();
    this.entries.set(key, loading);
    // A failed read is not kept: the next one tries again.
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    return loading;
  }

  /** Whether values are being kept (the listener is connected). */
  get active(): boolean {
    return this.listening;
  }

  /** Stops listening and forgets everything (tests; the process ending). */
  async close(): Promise<void> {
    const listener = this.listener;
    this.stopped(listener);
    this.retryAt = Number.POSITIVE_INFINITY;
    await listener?.end().catch(() => undefined);
  }

  private listen(): void {
    if (this.listener || Date.now() < this.retryAt) return;
    const listener = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    this.listener = listener;
    // Any change empties the whole cache: changes are rare (administrators), reads are constant.
    listener.on("notification", () => this.entries.clear());
    listener.on("error", (error) => {
      logger.warn({ err: error }, "reference data listener lost: reading reference data from the database");
      this.stopped(listener);
      listener.end().catch(() => undefined);
    });
    listener.on("end", () => this.stopped(listener));
    listener
      .connect()
      .then(() => listener.query(`LISTEN ${REFERENCE_CHANNEL}`))
      .then(() => {
        if (this.listener !== listener) return;
        // Only what is read from now on is kept: a change before LISTEN was never notified here.
        this.entries.clear();
        this.listening = true;
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, "reference data listener not started: reading reference data from the database");
        this.stopped(listener);
        listener.end().catch(() => undefined);
      });
  }

  private stopped(listener: pg.Client | null): void {
    if (listener === null || this.listener !== listener) return;
    this.listener = null;
    this.listening = false;
    this.entries.clear();
    this.retryAt = Date.now() + RETRY_AFTER_MS;
  }
}

const globalForCache = globalThis as unknown as { referenceCache?: ReferenceCache };

/** The app server's reference cache, once a read in the Next.js server has created it. */
export function appReferenceCache(): ReferenceCache | undefined {
  return globalForCache.referenceCache;
}

/** Closes the app server's reference cache and forgets it: the next read there starts a new one (tests). */
export async function closeAppReferenceCache(): Promise<void> {
  const cache = globalForCache.referenceCache;
  delete globalForCache.referenceCache;
  await cache?.close();
}

/**
 * Reads `key` through the app server's reference cache. Outside the Next.js
 * server (scripts, the worker, tests of services) there is no listener and
 * every read goes to the database.
 */
export function readReference<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return load();
  globalForCache.referenceCache ??= new ReferenceCache(process.env.DATABASE_URL);
  return globalForCache.referenceCache.read(key, load);
}
