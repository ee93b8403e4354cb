/** Runs once when the Next.js server starts: invalid configuration stops it here, not on the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getConfig } = await import("@/server/config");
    getConfig();
  }
}
