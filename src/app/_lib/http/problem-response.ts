import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable } from "@/server/errors/database-unavailable";
import { DomainError } from "@/server/errors/domain-errors";
import { toProblem } from "@/server/errors/map-error";
import { logger } from "@/server/logger";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";

/**
 * Retry-After and the limit's policy and state (IETF draft "RateLimit header
 * fields for HTTP": `RateLimit-Policy` and `RateLimit`), so that a client
 * program knows when to come back.
 */
export function rateLimitHeaders(error: RateLimitedError): Record<string, string> {
  return {
    "retry-after": String(error.retryAfterSeconds),
    "ratelimit-policy": `"${error.limit}";q=${error.points};w=${error.windowSeconds}`,
    ratelimit: `"${error.limit}";r=0;t=${error.retryAfterSeconds}`,
  };
}

/**
 * The API's answer to a failed call: RFC 9457 problem details (any domain
 * error, with its status and Italian message). Unexpected errors are logged
 * with a request id that the client also receives, so support can find the line.
 */
export function problemResponse(error: unknown): Response {
  const requestId = error instanceof DomainError ? undefined : randomUUID();
  if (requestId && isDatabaseUnavailable(error)) logger.warn({ err: error, requestId }, "Database non disponibile in una chiamata API");
  else if (requestId) logger.error({ err: error, requestId }, "Errore imprevisto in una chiamata API");
  const problem = toProblem(error, requestId);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json; charset=utf-8",
      ...(error instanceof RateLimitedError ? rateLimitHeaders(error) : {}),
    },
  });
}
