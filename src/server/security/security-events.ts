import { logger } from "@/server/logger";

/**
 * What a security review needs to read back (ASVS V16): every sign-in and
 * sign-out, every refusal at the edge, and every attempt on a record that
 * exists but is someone else's. One structured pino event per occurrence.
 */
export type SecurityEventType =
  "sign-in" | "sign-in-refused" | "sign-out" | "session-revoked" | "rate-limited" | "cross-origin-refused" | "foreign-record-not-found";

export type SecurityEvent = {
  type: SecurityEventType;
  /** "cassetto" (contributors) or "fascicolo" (operators), when known. */
  realm?: "cassetto" | "fascicolo";
  /** Who: the codice fiscale of the person or operator, the only personal datum allowed here. */
  codiceFiscale?: string;
  /** The caller's address as the edge saw it. */
  ip?: string;
  requestId?: string;
  /** The path or action concerned. */
  target?: string;
  /** A short reason in English (never a token or a secret). */
  reason?: string;
  /** The kind and id of the record concerned (foreign-record-not-found). */
  recordKind?: string;
  recordId?: string;
};

const securityLogger = logger.child({ channel: "security" });

export function logSecurityEvent(event: SecurityEvent): void {
  // Top-level fields: the logger redacts `*.codiceFiscale` inside nested
  // objects, but this log is meant to say who.
  securityLogger.info({ ...event }, `security: ${event.type}`);
}
