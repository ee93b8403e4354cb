import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { questionsSchema } from "@/server/questionnaires/schemas";
import { assertAdmin } from "./policy";
import { campaignRecord, dateOf, lockCampaign, recordCampaignChange } from "./questionnaire-campaign";
import { CAMPAIGN_ANSWERED, updateCampaignSchema } from "./questionnaire-schemas";

/**
 * A campaign's kind, texts, period and questions, changed only while nobody
 * has answered it (decision 0047): after the first answer they are frozen, so
 * that every answer stays tied to the question it was given to. Version
 * checked; audited with the values before and after.
 */
export async function updateQuestionnaireCampaign(actor: OperatorActor, input: Record<string, unknown>): Promise<{ slug: string }> {
  assertAdmin(actor);
  const { campaignId, expectedVersion, kind, title, intro, opensOn, closesOn, questions } = parseInput(updateCampaignSchema, input);
  return prisma.$transaction(async (tx) => {
    const current = await lockCampaign(tx, campaignId, expectedVersion);
    if ((await tx.questionnaireResponse.count({ where: { campaignId } })) > 0) throw new ConflictError(CAMPAIGN_ANSWERED);
    await tx.questionnaireCampaign.update({
      where: { id: campaignId },
      data: {
        kind,
        title,
        intro,
        opensOn: dateOf(opensOn),
        closesOn: closesOn ? dateOf(closesOn) : null,
        questions,
        version: { increment: 1 },
      },
      select: { id: true },
    });
    await recordCampaignChange(
      actor,
      {
        slug: current.slug,
        before: campaignRecord({ ...current, questions: questionsSchema.parse(current.questions) }),
        after: campaignRecord({ kind, title, intro, opensOn, closesOn, questions }),
      },
      tx,
    );
    return { slug: current.slug };
  });
}
