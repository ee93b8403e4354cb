import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { romeDay, type Campaign } from "./campaigns";
import { answersSchema, questionsSchema } from "./schemas";

export const QUESTIONNAIRE_CHANGED =
  "Il questionario è stato modificato o chiuso mentre rispondevi: ricarica la pagina per vedere quello attuale.";

/**
 * Stores an answer so that it cannot be tied back to its author (decision
 * 0039): the participation key (an HMAC of person and campaign) goes to its
 * own table, refused when already there; the response holds the campaign,
 * the day and the answers, under a random id, and nothing else. Both in one
 * transaction: an answer without its key, or a key without its answer, never
 * stays.
 */
export async function storeAnonymousAnswer(
  campaign: Campaign,
  participationKey: string,
  values: Record<string, unknown>,
  alreadyAnswered: string,
  now: Date,
): Promise<void> {
  const answers = parseInput(answersSchema(campaign.questions), values);
  await prisma.$transaction(async (tx) => {
    // FOR KEY SHARE, as the response's foreign key takes anyway: an administrator's change of the
    // campaign (FOR UPDATE) is either committed and read here, or waits for this answer (decision 0047).
    const [stored] = await tx.$queryRaw<{ questions: unknown; opensOn: Date; closesOn: Date | null }[]>`
      SELECT questions, "opensOn", "closesOn" FROM "QuestionnaireCampaign" WHERE id = ${campaign.id}::uuid FOR KEY SHARE`;
    const today = romeDay(now);
    if (
      !stored ||
      stored.opensOn > today ||
      (stored.closesOn !== null && stored.closesOn < today) ||
      JSON.stringify(questionsSchema.parse(stored.questions)) !== JSON.stringify(campaign.questions)
    ) {
      throw new ConflictError(QUESTIONNAIRE_CHANGED);
    }
    const inserted = await tx.$executeRaw`
      INSERT INTO "QuestionnaireParticipation" ("key") VALUES (${participationKey}) ON CONFLICT DO NOTHING`;
    if (inserted === 0) throw new ConflictError(alreadyAnswered);
    await tx.questionnaireResponse.create({
      data: {
        campaignId: campaign.id,
        answeredOn: romeDay(now),
        answers: { create: answers.map((answer) => ({ ...answer, campaignId: campaign.id })) },
      },
      select: { id: true },
    });
  });
}

/** Whether this participation key has answered already. */
export async function hasAnswered(participationKey: string): Promise<boolean> {
  return (await prisma.questionnaireParticipation.count({ where: { key: participationKey } })) > 0;
}
