import "server-only";
import type { SessionEndReason } from "@/generated/prisma/enums";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { logSecurityEvent } from "@/server/security/security-events";
import type { Realm } from "./realms";
import type { RequestOrigin } from "./request-origin";
import { readOperatorWithSession } from "./operator-record";
import { readPersonWithSession } from "./resolve-contributor";

/** An operator's last activity is written at most this often: most requests read the session and write nothing. */
export const LAST_SEEN_GRANULARITY_MS = 60 * 1000;

/**
 * Whether the session a cookie names is still open for this subject: not
 * ended (sign-out, "esci da tutti i dispositivi"), not expired, and on the
 * Fascicolo not idle past OPERATOR_IDLE_TIMEOUT_MINUTES and not of an
 * operator since deactivated — those two end it here, for good. An open
 * operator session records the activity, throttled to one write a minute
 * (the one write a GET may make; decision 0014).
 */
export async function checkSession(
  realm: Realm,
  sessionId: string,
  subjectId: string,
  now: Date,
  origin: RequestOrigin = {},
): Promise<boolean> {
  // One statement with the subject's row, which the actor's resolution reads again from React's cache (decision 0049).
  if (realm === "cassetto") {
    const person = await readPersonWithSession(subjectId, sessionId);
    return person?.sessions.some((session) => session.expiresAt > now) ?? false;
  }
  const operator = await readOperatorWithSession(subjectId, sessionId);
  const session = operator?.sessions.find((candidate) => candidate.expiresAt > now);
  if (!operator || !session) return false;

  const idleLimit = new Date(now.getTime() - getConfig().OPERATOR_IDLE_TIMEOUT_MINUTES * 60 * 1000);
  const endReason: SessionEndReason | null = !operator.active
    ? "OPERATOR_DEACTIVATED"
    : session.lastSeenAt <= idleLimit
      ? "IDLE_TIMEOUT"
      : null;
  if (endReason) {
    await prisma.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason } });
    logSecurityEvent({
      type: "session-revoked",
      realm,
      codiceFiscale: operator.codiceFiscale,
      ...origin,
      reason: endReason === "IDLE_TIMEOUT" ? "idle timeout" : "operator deactivated",
    });
    return false;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    // Conditional, so that concurrent requests of the same minute write once.
    await prisma.authSession.updateMany({
      where: { id: sessionId, lastSeenAt: session.lastSeenAt },
      data: { lastSeenAt: now },
    });
  }
  return true;
}
