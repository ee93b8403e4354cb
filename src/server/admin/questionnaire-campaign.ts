import type { Prisma } from "@/generated/prisma/client";
import type { RecordedValue } from "@/server/audit/canonical-json";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import type { OperatorActor } from "@/server/identity/actor";
import { addIsoDays } from "@/lib/rome-dates";
import { ConflictError, NotFoundError } from "@/server/errors/domain-errors";
import type { Question } from "@/server/questionnaires/schemas";
import { QUESTIONNAIRES_PAGE, STALE_CAMPAIGN } from "./questionnaire-schemas";

/** Where a campaign stands on a day (Rome): before its first day, within its days, after its last. */
export type CampaignState = "PROGRAMMATO" | "APERTO" | "CHIUSO";

/** A DATE column's day as yyyy-mm-dd. */
export const isoDayOf = (date: Date) => date.toISOString().slice(0, 10);
/** A yyyy-mm-dd day as a DATE column holds it. */
export const dateOf = (isoDay: string) => new Date(`${isoDay}T00:00:00.000Z`);
/** The day before `isoDay`: the last day of a campaign closed today. */
export const dayBefore = (isoDay: string) => addIsoDays(isoDay, -1);

export function campaignState(period: { opensOn: Date; closesOn: Date | null }, today: string): CampaignState {
  if (isoDayOf(period.opensOn) > today) return "PROGRAMMATO";
  if (period.closesOn && isoDayOf(period.closesOn) < today) return "CHIUSO";
  return "APERTO";
}

/** A campaign's values as the audit trail records them. */
export function campaignRecord(campaign: {
  kind: string;
  title: string;
  intro: string;
  opensOn: Date | string;
  closesOn: Date | string | null | undefined;
  questions: Question[];
}) {
  const day = (value: Date | string | null | undefined) => (value instanceof Date ? isoDayOf(value) : (value ?? null));
  return {
    kind: campaign.kind,
    title: campaign.title,
    intro: campaign.intro,
    opensOn: day(campaign.opensOn),
    closesOn: day(campaign.closesOn),
    questions: campaign.questions,
  };
}

/**
 * Locks a campaign's row for an administrator's change, on the version the
 * form carried: FOR UPDATE waits for any answer being stored (its foreign
 * key holds FOR KEY SHARE), so "has it answers?" is read after them.
 */
export async function lockCampaign(tx: Prisma.TransactionClient, campaignId: string, expectedVersion: number) {
  await tx.$queryRaw`SELECT id FROM "QuestionnaireCampaign" WHERE id = ${campaignId}::uuid FOR UPDATE`;
  const campaign = await tx.questionnaireCampaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw new NotFoundError();
  if (campaign.version !== expectedVersion) throw new ConflictError(STALE_CAMPAIGN);
  return campaign;
}

/** A campaign's change in the audit trail (target QUESTIONARIO, its code), in the change's transaction. */
export function recordCampaignChange(
  actor: OperatorActor,
  change: { slug: string; before: RecordedValue | null; after: RecordedValue },
  tx: Prisma.TransactionClient,
): Promise<void> {
  const action = change.before === null ? "AMMINISTRAZIONE_CREAZIONE" : "AMMINISTRAZIONE_MODIFICA";
  return recordAdminChange(
    actor,
    { action, targetType: "QUESTIONARIO", targetId: change.slug, before: change.before, after: change.after, page: QUESTIONNAIRES_PAGE },
    tx,
  );
}
