import type { Prisma, PrismaClient } from "@/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/** The booking rules an office sets on its availability page, and an ADMIN sets as every office's starting point. */
export type AgendaRuleValues = {
  slotMinutes: number;
  places: number;
  minLeadWorkingDays: number;
  maxDaysAhead: number;
  cancelCutoffHours: number;
  maxReschedules: number;
};

/** The defaults before any administrator changed them: the columns' defaults of AgendaDefaults. */
const INITIAL_DEFAULTS: AgendaRuleValues & { version: number } = {
  slotMinutes: 30,
  places: 1,
  minLeadWorkingDays: 2,
  maxDaysAhead: 30,
  cancelCutoffHours: 24,
  maxReschedules: 2,
  version: 1,
};

/** The rules new offices start from, with the version the administrators' form carries (decision 0047). */
export async function readAgendaDefaults(db: Db): Promise<AgendaRuleValues & { version: number }> {
  const row = await db.agendaDefaults.findUnique({ where: { id: 1 } });
  if (!row) return INITIAL_DEFAULTS;
  const { slotMinutes, places, minLeadWorkingDays, maxDaysAhead, cancelCutoffHours, maxReschedules, version } = row;
  return { slotMinutes, places, minLeadWorkingDays, maxDaysAhead, cancelCutoffHours, maxReschedules, version };
}

/**
 * Opens the office's agenda rules when it has none, from the administrators'
 * defaults, still following them (`ownRules` false). The defaults' row is
 * read FOR SHARE: a change of the defaults committing meanwhile either comes
 * first (its values are read here) or waits and then updates this row too.
 */
export async function openAgendaSettings(tx: Prisma.TransactionClient, officeId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "AgendaDefaults" WHERE id = 1 FOR SHARE`;
  const { version: _version, ...rules } = await readAgendaDefaults(tx);
  await tx.agendaSettings.upsert({ where: { officeId }, create: { officeId, ...rules }, update: {} });
}
