import { z } from "zod";
import { overLimitMessage } from "@/lib/character-count";
import { blankToUndefined, typedText } from "@/lib/form-fields";

/**
 * A campaign's questions as data (prisma/seed/data/questionnaires.json, then
 * QuestionnaireCampaign.questions), and the answer form built from them: the
 * same schema checks the seed file, the page's fields and the service.
 */

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const FREE_TEXT_MAX_LENGTH = 2000;

const text = z.string().trim().min(1, "Il campo non può essere vuoto");
const questionKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "La chiave è di minuscole, cifre e trattini, al massimo 40");

const scaleQuestion = z.strictObject({
  key: questionKey,
  type: z.literal("scala"),
  text,
  /** What 1 and 5 mean, read beside the scale. */
  lowLabel: text,
  highLabel: text,
});
const freeTextQuestion = z.strictObject({
  key: questionKey,
  type: z.literal("testo"),
  text,
  hint: text.optional(),
});

export const questionsSchema = z
  .array(z.discriminatedUnion("type", [scaleQuestion, freeTextQuestion]))
  .min(1, "Indicare almeno una domanda")
  .superRefine((questions, context) => {
    const keys = new Set<string>();
    questions.forEach((question, index) => {
      if (keys.has(question.key)) context.addIssue({ code: "custom", path: [index, "key"], message: "Chiave di domanda ripetuta" });
      keys.add(question.key);
    });
  });

export type Question = z.infer<typeof questionsSchema>[number];

export const SCALE_MESSAGE = `Scegliere un valore da ${SCALE_MIN} a ${SCALE_MAX}.`;
export const NO_ANSWER_MESSAGE = "Rispondere ad almeno una domanda.";

const scaleAnswer = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: SCALE_MESSAGE }).int(SCALE_MESSAGE).min(SCALE_MIN, SCALE_MESSAGE).max(SCALE_MAX, SCALE_MESSAGE).optional(),
);
const freeTextAnswer = z.preprocess(
  blankToUndefined,
  typedText()
    .trim()
    .max(FREE_TEXT_MAX_LENGTH, {
      error: (issue) =>
        `La risposta è troppo lunga: ${overLimitMessage(typeof issue.input === "string" ? issue.input.length : FREE_TEXT_MAX_LENGTH + 1, FREE_TEXT_MAX_LENGTH)}`,
    })
    .optional(),
);

/** One answer as stored: a score or a text. */
export type AnswerValue = { questionKey: string; score: number; text?: never } | { questionKey: string; text: string; score?: never };

/**
 * The answer form of these questions: each field named by its question's key,
 * every question optional (the questionnaire is voluntary) but not all of
 * them; unknown fields are ignored.
 */
export function answersSchema(questions: Question[]) {
  const shape = Object.fromEntries(questions.map((question) => [question.key, question.type === "scala" ? scaleAnswer : freeTextAnswer]));
  return z.object(shape).transform((values, context): AnswerValue[] => {
    const answers = questions.flatMap((question): AnswerValue[] => {
      const value = values[question.key];
      if (value === undefined) return [];
      return [typeof value === "number" ? { questionKey: question.key, score: value } : { questionKey: question.key, text: String(value) }];
    });
    if (answers.length === 0) {
      context.addIssue({ code: "custom", path: [questions[0]?.key ?? "form"], message: NO_ANSWER_MESSAGE });
      return z.NEVER;
    }
    return answers;
  });
}
