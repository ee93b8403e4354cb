import "server-only";
import { prisma } from "@/server/db/client";
import { sessionMaxAgeSeconds, type Realm } from "./realms";
import { sessionRealm } from "./session-records";

/** Ended or expired sessions removed per sign-in: the table stays small without a separate job. */
const PURGE_BATCH = 100;
/** Ended sessions are kept a day for the record before they are removed. */
const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;

/**
 * Opens a session for a subject who just signed in and returns its id, the
 * only thing the session cookie carries besides the subject and the realm
 * (decision 0014). Also clears a batch of sessions long over.
 */
export async function startSession(realm: Realm, subjectId: string, now: Date): Promise<string> {
  const session = await prisma.authSession.create({
    data: {
      realm: sessionRealm[realm],
      ...(realm === "cassetto" ? { personId: subjectId } : { operatorId: subjectId }),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionMaxAgeSeconds[realm] * 1000),
    },
    select: { id: true },
  });
  await purgeOldSessions(now);
  return session.id;
}

async function purgeOldSessions(now: Date): Promise<void> {
  const before = new Date(now.getTime() - KEEP_ENDED_MS);
  const old = await prisma.authSession.findMany({
    where: { expiresAt: { lte: before } },
    orderBy: { expiresAt: "asc" },
    take: PURGE_BATCH,
    select: { id: true },
  });
  if (old.length > 0) await prisma.authSession.deleteMany({ where: { id: { in: old.map((session) => session.id) } } });
}
