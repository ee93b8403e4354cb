import { expect, vi } from "vitest";
import { appReferenceCache, closeAppReferenceCache, readReference } from "@/server/db/reference-cache";

/**
 * Services read reference data as in the Next.js server (`NEXT_RUNTIME`): through
 * the app's reference cache, once its listener is connected. Returns what
 * stops it, after which every read goes to the database again.
 */
export async function readReferenceAsTheAppServer(): Promise<() => Promise<void>> {
  const runtime = process.env.NEXT_RUNTIME;
  process.env.NEXT_RUNTIME = "nodejs";
  const stop = async () => {
    await closeAppReferenceCache();
    if (runtime === undefined) delete process.env.NEXT_RUNTIME;
    else process.env.NEXT_RUNTIME = runtime;
  };
  try {
    await readReference("listening", async () => null);
    await vi.waitFor(() => expect(appReferenceCache()?.active).toBe(true), { timeout: 10_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
