import "server-only";
import { prisma } from "@/server/db/client";
import { logSecurityEvent } from "@/server/security/security-events";
import type { RequestOrigin } from "./request-origin";
import type { Realm } from "./realms";
import { openSessionWhere, sessionSubjectSelect, sessionSubjectWhere } from "./session-records";

/** Sign-out: the session the cookie named ends now; a copy of the cookie opens nothing afterwards. */
export async function endSession(realm: Realm, sessionId: string, subjectId: string, now: Date, origin: RequestOrigin = {}): Promise<void> {
  const session = await prisma.authSession.findFirst({
    where: openSessionWhere(realm, sessionId, subjectId),
    select: sessionSubjectSelect,
  });
  if (!session) return;
  await prisma.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: "SIGN_OUT" } });
  logSecurityEvent({
    type: "sign-out",
    realm,
    codiceFiscale: session.person?.codiceFiscale ?? session.operator?.codiceFiscale,
    ...origin,
  });
}

/** "Esci da tutti i dispositivi": every open session of the subject in this realm ends now. */
export async function endAllSessions(realm: Realm, subjectId: string, now: Date, origin: RequestOrigin = {}): Promise<number> {
  const subject =
    realm === "cassetto"
      ? await prisma.person.findUnique({ where: { id: subjectId }, select: { codiceFiscale: true } })
      : await prisma.operator.findUnique({ where: { id: subjectId }, select: { codiceFiscale: true } });
  const { count } = await prisma.authSession.updateMany({
    where: { ...sessionSubjectWhere(realm, subjectId), endedAt: null },
    data: { endedAt: now, endReason: "SIGN_OUT_EVERYWHERE" },
  });
  logSecurityEvent({
    type: "sign-out",
    realm,
    codiceFiscale: subject?.codiceFiscale,
    ...origin,
    reason: `all devices (${count} sessions)`,
  });
  return count;
}
