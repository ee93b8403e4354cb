import "server-only";
import { romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { campaignState, dateOf, dayBefore, isoDayOf, lockCampaign, recordCampaignChange } from "./questionnaire-campaign";
import { switchCampaignSchema } from "./questionnaire-schemas";

export const ALREADY_OPEN = "Il questionario è già aperto.";
export const ALREADY_CLOSED = "Il questionario è già chiuso.";

/**
 * Opens a scheduled campaign today, or closes one now (its last day becomes
 * yesterday, so nobody answers from this moment), answers or not (decision
 * 0047). Version checked; audited with the day before and after.
 */
export async function switchQuestionnaireCampaign(
  actor: OperatorActor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ slug: string; action: "apri" | "chiudi" }> {
  assertAdmin(actor);
  const { campaignId, expectedVersion, action } = parseInput(switchCampaignSchema, input);
  const today = romeIsoDay(now);
  return prisma.$transaction(async (tx) => {
    const current = await lockCampaign(tx, campaignId, expectedVersion);
    const state = campaignState(current, today);
    if (state === "CHIUSO") throw new ValidationError({}, ALREADY_CLOSED);
    if (action === "apri" && state === "APERTO") throw new ValidationError({}, ALREADY_OPEN);
    const change =
      action === "apri"
        ? { field: "opensOn" as const, before: isoDayOf(current.opensOn), after: today }
        : { field: "closesOn" as const, before: current.closesOn && isoDayOf(current.closesOn), after: dayBefore(today) };
    await tx.questionnaireCampaign.update({
      where: { id: campaignId },
      data: { [change.field]: dateOf(change.after), version: { increment: 1 } },
      select: { id: true },
    });
    await recordCampaignChange(
      actor,
      { slug: current.slug, before: { [change.field]: change.before }, after: { [change.field]: change.after } },
      tx,
    );
    return { slug: current.slug, action };
  });
}
