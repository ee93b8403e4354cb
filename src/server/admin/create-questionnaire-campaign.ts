import "server-only";
import { isUniqueViolation } from "@/server/db/create-once";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { campaignRecord, dateOf, recordCampaignChange } from "./questionnaire-campaign";
import { CODE_TAKEN, createCampaignSchema } from "./questionnaire-schemas";

/**
 * A new questionnaire campaign (decision 0047): code, kind, texts, period and
 * questions as data, checked by the same schema as the answer form's. The
 * campaign and its audit entry commit together.
 */
export async function createQuestionnaireCampaign(actor: OperatorActor, input: Record<string, unknown>): Promise<{ slug: string }> {
  assertAdmin(actor);
  const { code, kind, title, intro, opensOn, closesOn, questions } = parseInput(createCampaignSchema, input);
  const taken = () => new ValidationError({ code: [CODE_TAKEN] });
  if (await prisma.questionnaireCampaign.findUnique({ where: { slug: code }, select: { id: true } })) throw taken();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.questionnaireCampaign.create({
        data: { slug: code, kind, title, intro, opensOn: dateOf(opensOn), closesOn: closesOn ? dateOf(closesOn) : null, questions },
        select: { id: true },
      });
      await recordCampaignChange(
        actor,
        { slug: code, before: null, after: campaignRecord({ kind, title, intro, opensOn, closesOn, questions }) },
        tx,
      );
    });
  } catch (error) {
    // Another administrator created the same code meanwhile.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  return { slug: code };
}
