import { DomainError } from "@/server/errors/domain-errors";
import type { RateLimitName } from "./rate-limits";

/** "Between 1 and 59 seconds", "2 minutes": when to try again, in words a person reads. */
function waitInItalian(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "un secondo" : `${seconds} secondi`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "un minuto" : `${minutes} minuti`;
}

/**
 * Too many requests of one kind from one person or one address within the
 * window of its limit. Pages show the message at the form (what was typed is
 * kept); the API answers 429 with Retry-After and the limit's policy.
 */
export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly title = "Troppe richieste";
  constructor(
    readonly limit: RateLimitName,
    /** Requests allowed per window to whoever was refused (a person, or an address). */
    readonly points: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`Troppe richieste in poco tempo: riprovare tra ${waitInItalian(retryAfterSeconds)}.`);
    this.name = "RateLimitedError";
  }
}
