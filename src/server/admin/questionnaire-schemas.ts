import { z } from "zod";
import { QuestionnaireKind } from "@/generated/prisma/enums";
import { blankToUndefined, optionalIsoDay, typedText } from "@/lib/form-fields";
import { questionsSchema, type Question } from "@/server/questionnaires/schemas";
import { requiredText, uuidField } from "@/server/requests/schemas";
import { BROKEN_FORM, expectedVersionField } from "./office-schemas";

/** The questionnaire campaigns' forms (decision 0047), shared by their pages and services. */

export const QUESTIONNAIRES_PAGE = "/admin/questionari";
/** Question slots on the form; empty ones are left out. */
export const MAX_QUESTIONS = 10;

export const STALE_CAMPAIGN = "Il questionario è stato modificato da un altro amministratore: ricaricare la pagina e ripetere la modifica.";
export const CAMPAIGN_ANSWERED =
  "Il questionario ha già ricevuto risposte: domande, titolo e periodo non si possono più modificare, perché le risposte date resterebbero legate a domande diverse da quelle lette. Si può ancora chiuderlo in anticipo, o crearne uno nuovo.";
export const CODE_TAKEN = "Esiste già un questionario con questo codice.";
export const NO_QUESTIONS = "Indicare almeno una domanda.";

export const kindLabels: Record<QuestionnaireKind, string> = {
  PROFESSIONISTI: "Questionario per intermediari e dipendenti delegati (invito nel Cassetto)",
  INVIO_RICHIESTA: "Valutazione dopo l'invio di una richiesta",
};

/** The form fields of question `n` (from 1). */
export const questionFields = (n: number) =>
  ({
    type: `domanda_${n}_tipo`,
    text: `domanda_${n}_testo`,
    lowLabel: `domanda_${n}_minimo`,
    highLabel: `domanda_${n}_massimo`,
    hint: `domanda_${n}_nota`,
  }) as const;

const optionalText = (max: number, tooLong: string) => z.preprocess(blankToUndefined, typedText().trim().max(max, tooLong).optional());

const questionShape = Object.fromEntries(
  Array.from({ length: MAX_QUESTIONS }, (_, index) => {
    const fields = questionFields(index + 1);
    return [
      [fields.type, z.preprocess(blankToUndefined, z.enum(["scala", "testo"], { error: BROKEN_FORM }).optional())],
      [fields.text, optionalText(300, "Il testo della domanda è troppo lungo (al massimo 300 caratteri).")],
      [fields.lowLabel, optionalText(60, "Il significato di 1 è troppo lungo (al massimo 60 caratteri).")],
      [fields.highLabel, optionalText(60, "Il significato di 5 è troppo lungo (al massimo 60 caratteri).")],
      [fields.hint, optionalText(200, "La nota è troppo lunga (al massimo 200 caratteri).")],
    ];
  }).flat(),
) as Record<string, z.ZodType<string | undefined>>;

/**
 * The slots filled in, in order, as stored questions (keys `domanda-1`, …):
 * a slot with a text needs its type, a scale the meaning of its ends; each
 * problem goes to `problem` at its field.
 */
function questionsOf(values: Record<string, unknown>, problem: (field: string, message: string) => void = () => {}): Question[] {
  const questions: Question[] = [];
  const read = (name: string) => {
    const value = values[name];
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  for (let n = 1; n <= MAX_QUESTIONS; n += 1) {
    const fields = questionFields(n);
    const [type, text, lowLabel, highLabel, hint] = [fields.type, fields.text, fields.lowLabel, fields.highLabel, fields.hint].map(read);
    if (!text && !lowLabel && !highLabel && !hint) continue;
    if (!text) problem(fields.text, `Domanda ${n}: scrivere il testo della domanda.`);
    if (type !== "scala" && type !== "testo") {
      problem(fields.type, `Domanda ${n}: scegliere se si risponde con una scala da 1 a 5 o con un testo libero.`);
      continue;
    }
    if (type === "scala" && !lowLabel) problem(fields.lowLabel, `Domanda ${n}: indicare che cosa significa 1.`);
    if (type === "scala" && !highLabel) problem(fields.highLabel, `Domanda ${n}: indicare che cosa significa 5.`);
    if (!text) continue;
    const key = `domanda-${questions.length + 1}`;
    if (type === "scala" && lowLabel && highLabel) questions.push({ key, type, text, lowLabel, highLabel });
    if (type === "testo") questions.push(hint ? { key, type, text, hint } : { key, type, text });
  }
  return questions;
}

const campaignFields = {
  kind: z.enum(QuestionnaireKind, { error: "Scegliere a chi è rivolto il questionario." }),
  title: requiredText("Indicare il titolo del questionario.", 200, "Il titolo è troppo lungo"),
  intro: requiredText("Scrivere la presentazione che si legge prima delle domande.", 1000, "La presentazione è troppo lunga"),
  opensOn: z.preprocess(blankToUndefined, z.iso.date({ error: "Indicare il giorno di apertura (gg/mm/aaaa)." })),
  closesOn: optionalIsoDay("Indicare un giorno di chiusura valido (gg/mm/aaaa), o lasciarlo vuoto."),
  ...questionShape,
};

/**
 * The checks every campaign form shares, reported with the fields' own (all
 * at once): the period in order, the questions from the slots, at least one.
 */
function withQuestions<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object(shape)
    .superRefine(
      (value, context) => {
        const { opensOn, closesOn } = value as { opensOn?: unknown; closesOn?: unknown };
        if (typeof opensOn === "string" && typeof closesOn === "string" && closesOn < opensOn) {
          context.addIssue({ code: "custom", path: ["closesOn"], message: "Il giorno di chiusura non può precedere quello di apertura." });
        }
        let problems = 0;
        const problem = (field: string, message: string) => {
          problems += 1;
          context.addIssue({ code: "custom", path: [field], message });
        };
        // "At least one" only when no slot is filled in: a half-filled one has its own message.
        if (questionsOf(value, problem).length === 0 && problems === 0) problem(questionFields(1).text, NO_QUESTIONS);
      },
      { when: () => true },
    )
    .transform((value) => {
      const rest = Object.fromEntries(Object.entries(value).filter(([name]) => !name.startsWith("domanda_")));
      return { ...(rest as { [Key in keyof Shape]: z.output<Shape[Key]> }), questions: questionsSchema.parse(questionsOf(value)) };
    });
}

/** A new campaign: its code (in the Cassetto's address, never changed), kind, texts, period and questions. */
export const createCampaignSchema = withQuestions({
  code: z
    .string({ error: "Indicare il codice del questionario." })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{2,59}$/, "Il codice è di 3–60 lettere minuscole, cifre e trattini, ad esempio professionisti-2027."),
  ...campaignFields,
});

/** A campaign's change while nobody has answered it: the same fields but the code, on the version shown. */
export const updateCampaignSchema = withQuestions({
  campaignId: uuidField(BROKEN_FORM),
  expectedVersion: expectedVersionField,
  ...campaignFields,
});

/** Opening a campaign today, or closing it now, on the version shown. */
export const switchCampaignSchema = z.object({
  campaignId: uuidField(BROKEN_FORM),
  expectedVersion: expectedVersionField,
  action: z.enum(["apri", "chiudi"], { error: BROKEN_FORM }),
});

/** A stored question as the form's fields. */
export function questionFormValues(questions: Question[]): Record<string, string> {
  return Object.fromEntries(
    questions.flatMap((question, index) => {
      const fields = questionFields(index + 1);
      return [
        [fields.type, question.type],
        [fields.text, question.text],
        [fields.lowLabel, question.type === "scala" ? question.lowLabel : ""],
        [fields.highLabel, question.type === "scala" ? question.highLabel : ""],
        [fields.hint, question.type === "testo" ? (question.hint ?? "") : ""],
      ];
    }),
  );
}
