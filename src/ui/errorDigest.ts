/**
 * The digest Next.js attaches to server errors; the server logs it with the error,
 * so showing it lets support find the log line without exposing the message.
 */
export function errorDigest(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}
