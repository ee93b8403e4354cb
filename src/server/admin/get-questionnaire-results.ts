import "server-only";
import type { QuestionnaireKind } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { assertAdmin } from "./policy";
import type { OperatorActor } from "@/server/identity/actor";
import { questionsSchema, SCALE_MAX, SCALE_MIN } from "@/server/questionnaires/schemas";

/** Below this many answers a campaign's results are not shown: with fewer, an answer may be recognised (decision 0039). */
export const RESULTS_MIN_ANSWERS = 5;
/** The free texts shown per question, the latest days first. */
export const FREE_TEXTS_SHOWN = 200;

export type ScaleResult = {
  type: "scala";
  key: string;
  text: string;
  count: number;
  /** Null when nobody answered the question. */
  mean: number | null;
  /** Answers per value, from SCALE_MIN to SCALE_MAX. */
  distribution: { value: number; count: number }[];
};
export type FreeTextResult = { type: "testo"; key: string; text: string; count: number; texts: string[] };

export type CampaignResults = {
  slug: string;
  title: string;
  kind: QuestionnaireKind;
  opensOn: Date;
  closesOn: Date | null;
  responses: number;
  /** Null while the campaign has fewer than RESULTS_MIN_ANSWERS answers. */
  questions: (ScaleResult | FreeTextResult)[] | null;
};

/**
 * The questionnaires' results for ADMIN (F16): per campaign the number of
 * answers and, from RESULTS_MIN_ANSWERS on, per question the count, mean and
 * distribution of the scale, or the free texts. Anyone else: not found.
 */
export async function getQuestionnaireResults(actor: OperatorActor): Promise<CampaignResults[]> {
  assertAdmin(actor);
  const campaigns = await prisma.questionnaireCampaign.findMany({
    orderBy: [{ opensOn: "desc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true, kind: true, opensOn: true, closesOn: true, questions: true },
  });
  return Promise.all(
    campaigns.map(async ({ id, questions, ...campaign }) => {
      const responses = await prisma.questionnaireResponse.count({ where: { campaignId: id } });
      if (responses < RESULTS_MIN_ANSWERS) return { ...campaign, responses, questions: null };
      const scores = await prisma.questionnaireAnswer.groupBy({
        by: ["questionKey", "score"],
        where: { campaignId: id, score: { not: null } },
        _count: { _all: true },
      });
      const results = await Promise.all(
        questionsSchema.parse(questions).map(async (question): Promise<ScaleResult | FreeTextResult> => {
          if (question.type === "testo") {
            const where = { campaignId: id, questionKey: question.key, text: { not: null } };
            const [count, rows] = await Promise.all([
              prisma.questionnaireAnswer.count({ where }),
              prisma.questionnaireAnswer.findMany({
                where,
                orderBy: [{ response: { answeredOn: "desc" } }, { text: "asc" }],
                take: FREE_TEXTS_SHOWN,
                select: { text: true },
              }),
            ]);
            return { type: "testo", key: question.key, text: question.text, count, texts: rows.map((row) => row.text ?? "") };
          }
          const counts = new Map(scores.filter((row) => row.questionKey === question.key).map((row) => [row.score, row._count._all]));
          const distribution = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => {
            const value = SCALE_MIN + index;
            return { value, count: counts.get(value) ?? 0 };
          });
          const count = distribution.reduce((sum, row) => sum + row.count, 0);
          const mean = count === 0 ? null : distribution.reduce((sum, row) => sum + row.value * row.count, 0) / count;
          return { type: "scala", key: question.key, text: question.text, count, mean, distribution };
        }),
      );
      return { ...campaign, responses, questions: results };
    }),
  );
}
