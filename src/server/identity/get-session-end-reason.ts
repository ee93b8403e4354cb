import "server-only";
import type { SessionEndReason } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { Realm } from "./realms";
import { sessionSubjectWhere } from "./session-records";

/**
 * Why the server ended the session a cookie names (sign-out, idleness,
 * deactivation); null when it is open, unknown or another subject's. Read
 * only once a session has been refused, to tell the person why.
 */
export async function getSessionEndReason(realm: Realm, sessionId: string, subjectId: string): Promise<SessionEndReason | null> {
  const session = await prisma.authSession.findFirst({
    where: { id: sessionId, ...sessionSubjectWhere(realm, subjectId) },
    select: { endReason: true },
  });
  return session?.endReason ?? null;
}
