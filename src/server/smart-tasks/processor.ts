import type { Prisma } from "@/generated/prisma/client";
import type { ActingProfile, Gestione, SmartTaskKind } from "@/generated/prisma/enums";

/** What a kind's processor reads of the task it decides. */
export type SmartTaskForProcessing = {
  id: string;
  kind: SmartTaskKind;
  payload: Prisma.JsonValue;
  filedById: string;
  actingProfile: ActingProfile;
  protocolNumber: string;
  position: { id: string; matricola: string; gestione: Gestione };
};

/**
 * A processor's verdict: for every check code of its kind (kinds.ts), null
 * when it passed or the reason in Italian when it failed; and the effect,
 * applied only when every check passed, in the same transaction as the
 * outcome; `acceptedOutcome`, when the kind's fixed words (kinds.ts) are not
 * enough to say what was done.
 */
export type SmartTaskVerdict = { checks: Record<string, string | null>; effect(): Promise<void>; acceptedOutcome?: string };

/** One per kind: runs in the deciding transaction (`tx`), at `now`. */
export type SmartTaskProcessor = (tx: Prisma.TransactionClient, task: SmartTaskForProcessing, now: Date) => Promise<SmartTaskVerdict>;
