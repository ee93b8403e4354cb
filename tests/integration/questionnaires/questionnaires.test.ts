import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { ALREADY_ANSWERED, answerQuestionnaire } from "@/server/questionnaires/answer-questionnaire";
import { dismissQuestionnaireInvitation } from "@/server/questionnaires/dismiss-questionnaire-invitation";
import { getQuestionnaire } from "@/server/questionnaires/get-questionnaire";
import { getQuestionnaireInvitation } from "@/server/questionnaires/get-questionnaire-invitation";
import { getQuestionnaireResults } from "@/server/admin/get-questionnaire-results";
import { getSubmissionRating } from "@/server/questionnaires/get-submission-rating";
import { ALREADY_RATED, rateRequestSubmission } from "@/server/questionnaires/rate-request-submission";
import { NO_ANSWER_MESSAGE, SCALE_MESSAGE } from "@/server/questionnaires/schemas";
import { createOffice, createPerson } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { createSentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";

process.env.QUESTIONNAIRE_SECRET = "segreto-dei-questionari-per-i-test-".padEnd(48, "x");

withStorageAndReferenceData();

// Each test counts the answers it gave: the seeded campaigns stay, their answers go.
beforeEach(async () => {
  await prisma.$executeRaw`TRUNCATE "QuestionnaireResponse", "QuestionnaireAnswer", "QuestionnaireParticipation", "QuestionnaireDismissal"`;
});

/** The seeded campaigns (prisma/seed/data/questionnaires.json), open from 2026-01-01. */
const CAMPAIGN = "professionisti-2026";
// 23:30 in Rome on 20 November is 22:30 UTC: the answer's day is Rome's.
const now = new Date("2026-11-20T22:30:00Z");

async function professional(profile: "INTERMEDIARIO" | "DIPENDENTE" = "INTERMEDIARIO") {
  const person = await createPerson("Professionista");
  return { person, actor: contributorActor(person, profile) };
}

const fullAnswer = { "facilita-uso": "4", "tempi-risposta": "2", "chiarezza-risposte": "", suggerimenti: "  Più filtri nella lista.  " };

describe("the invitation", () => {
  it("is for people acting as intermediary or delegated employee, not for holders or operators", async () => {
    const intermediary = await professional("INTERMEDIARIO");
    const employee = await professional("DIPENDENTE");
    const holder = contributorActor(await createPerson("Titolare"), "TITOLARE");
    const operator = await operatorActor((await createOffice()).id);

    expect(await getQuestionnaireInvitation(intermediary.actor, now)).toMatchObject({ slug: CAMPAIGN });
    expect(await getQuestionnaireInvitation(employee.actor, now)).toMatchObject({ slug: CAMPAIGN });
    expect(await getQuestionnaireInvitation(holder, now)).toBeNull();
    expect(await getQuestionnaireInvitation(operator, now)).toBeNull();
    await expect(getQuestionnaire(holder, CAMPAIGN, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(answerQuestionnaire(holder, { campaign: CAMPAIGN, values: fullAnswer }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(dismissQuestionnaireInvitation(holder, { campaign: CAMPAIGN }, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is not shown once closed, and closing it keeps only a keyed hash that names nobody", async () => {
    const { person, actor } = await professional();
    await dismissQuestionnaireInvitation(actor, { campaign: CAMPAIGN }, now);
    await dismissQuestionnaireInvitation(actor, { campaign: CAMPAIGN }, now);

    expect(await getQuestionnaireInvitation(actor, now)).toBeNull();
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "QuestionnaireDismissal"`;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(["key"]);
    expect(String(rows[0]?.key)).toMatch(/^[0-9a-f]{64}$/);
    expect(String(rows[0]?.key)).not.toContain(person.id.replace(/-/g, ""));
    // The questionnaire itself stays reachable by its link.
    expect(await getQuestionnaire(actor, CAMPAIGN, now)).toMatchObject({ answered: false });
  });

  it("is not shown once answered, and a campaign that is not open is not found", async () => {
    const { actor } = await professional();
    await answerQuestionnaire(actor, { campaign: CAMPAIGN, values: fullAnswer }, now);
    expect(await getQuestionnaireInvitation(actor, now)).toBeNull();
    expect(await getQuestionnaire(actor, CAMPAIGN, now)).toMatchObject({ answered: true });

    await expect(getQuestionnaire(actor, "non-esiste", now)).rejects.toBeInstanceOf(NotFoundError);
    const before = new Date("2025-12-31T12:00:00Z");
    await expect(getQuestionnaire(actor, CAMPAIGN, before)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getQuestionnaireInvitation(actor, before)).toBeNull();
  });
});

describe("answers", () => {
  it("are stored without anything that ties them to a person: no person, no address, only the day, a random id", async () => {
    const { person, actor } = await professional();
    await answerQuestionnaire(actor, { campaign: CAMPAIGN, values: fullAnswer }, now);

    const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema()
        AND table_name IN ('QuestionnaireResponse', 'QuestionnaireAnswer', 'QuestionnaireParticipation')
      ORDER BY table_name, ordinal_position`;
    expect(columns.map((column) => `${column.table_name}.${column.column_name}`)).toEqual([
      "QuestionnaireAnswer.responseId",
      "QuestionnaireAnswer.campaignId",
      "QuestionnaireAnswer.questionKey",
      "QuestionnaireAnswer.score",
      "QuestionnaireAnswer.text",
      "QuestionnaireParticipation.key",
      "QuestionnaireResponse.id",
      "QuestionnaireResponse.campaignId",
      "QuestionnaireResponse.answeredOn",
    ]);
    const foreignKeys = await prisma.$queryRaw<{ target: string }[]>`
      SELECT confrelid::regclass::text AS target FROM pg_constraint
      WHERE contype = 'f' AND conrelid::regclass::text IN ('"QuestionnaireResponse"', '"QuestionnaireAnswer"', '"QuestionnaireParticipation"')`;
    expect(foreignKeys.map((key) => key.target).sort()).toEqual(['"QuestionnaireCampaign"', '"QuestionnaireResponse"']);

    const responses = await prisma.questionnaireResponse.findMany({ include: { answers: { orderBy: { questionKey: "asc" } } } });
    expect(responses).toHaveLength(1);
    const [response] = responses;
    // uuid v4: random, nothing of the time or order of the answer.
    expect(response?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response?.answeredOn.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(response?.answers.map(({ questionKey, score, text }) => ({ questionKey, score, text }))).toEqual([
      { questionKey: "facilita-uso", score: 4, text: null },
      { questionKey: "suggerimenti", score: null, text: "Più filtri nella lista." },
      { questionKey: "tempi-risposta", score: 2, text: null },
    ]);

    const participation = await prisma.questionnaireParticipation.findMany();
    expect(participation).toHaveLength(1);
    expect(participation[0]?.key).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify({ responses, participation });
    for (const identifier of [person.id, person.id.replace(/-/g, ""), person.codiceFiscale]) expect(stored).not.toContain(identifier);
  });

  it("are refused a second time in the same campaign, leaving the first as it was", async () => {
    const { actor } = await professional("DIPENDENTE");
    await answerQuestionnaire(actor, { campaign: CAMPAIGN, values: fullAnswer }, now);
    const again = answerQuestionnaire(actor, { campaign: CAMPAIGN, values: { "facilita-uso": "1" } }, new Date("2026-11-25T10:00:00Z"));

    await expect(again).rejects.toThrow(new ConflictError(ALREADY_ANSWERED));
    expect(await prisma.questionnaireResponse.count()).toBe(1);
    expect(await prisma.questionnaireParticipation.count()).toBe(1);
  });

  it("answer at their question when invalid, and one answer at least is needed", async () => {
    const { actor } = await professional();
    const invalid = await answerQuestionnaire(
      actor,
      { campaign: CAMPAIGN, values: { "facilita-uso": "7", "tempi-risposta": "tre" } },
      now,
    ).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fieldErrors).toEqual({ "facilita-uso": [SCALE_MESSAGE], "tempi-risposta": [SCALE_MESSAGE] });

    const empty = await answerQuestionnaire(actor, { campaign: CAMPAIGN, values: { "facilita-uso": " ", suggerimenti: "" } }, now).catch(
      (error: unknown) => error,
    );
    expect((empty as ValidationError).fieldErrors).toEqual({ "facilita-uso": [NO_ANSWER_MESSAGE] });

    const long = await answerQuestionnaire(actor, { campaign: CAMPAIGN, values: { suggerimenti: "x".repeat(2001) } }, now).catch(
      (error: unknown) => error,
    );
    expect((long as ValidationError).fieldErrors.suggerimenti?.[0]).toMatch(/^La risposta è troppo lunga/);
    // Nothing refused was kept, and the person may still answer.
    expect(await prisma.questionnaireParticipation.count()).toBe(0);
    await answerQuestionnaire(actor, { campaign: CAMPAIGN, values: { "facilita-uso": "5" } }, now);
  });
});

describe("the rating after sending a request", () => {
  it("is offered to the person who sent it, once per request, stored as anonymously", async () => {
    const sent = await createSentRequest({ at: new Date("2026-11-20T09:00:00Z") });
    const sender = contributorActor(sent.holder);

    expect((await getSubmissionRating(sender, sent.requestId, now))?.questions[0]?.text).toBe(
      "Quanto è stato facile inviare la richiesta?",
    );
    await rateRequestSubmission(sender, { requestId: sent.requestId, values: { "facilita-invio": "5" } }, now);
    expect(await getSubmissionRating(sender, sent.requestId, now)).toBeNull();
    await expect(rateRequestSubmission(sender, { requestId: sent.requestId, values: { "facilita-invio": "1" } }, now)).rejects.toThrow(
      new ConflictError(ALREADY_RATED),
    );

    const responses = await prisma.questionnaireResponse.findMany({ include: { answers: true, campaign: { select: { slug: true } } } });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.campaign.slug).toBe("invio-richiesta");
    expect(responses[0]?.answers).toEqual([expect.objectContaining({ questionKey: "facilita-invio", score: 5, text: null })]);
    expect(JSON.stringify(responses)).not.toContain(sent.requestId);
    expect(JSON.stringify(responses)).not.toContain(sent.holder.id);
  });

  it("is not found for someone else's request, nor for an operator", async () => {
    const sent = await createSentRequest({ at: new Date("2026-11-20T09:00:00Z") });
    const stranger = contributorActor(await createPerson("Estraneo"));

    await expect(getSubmissionRating(stranger, sent.requestId, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      rateRequestSubmission(stranger, { requestId: sent.requestId, values: { "facilita-invio": "1" } }, now),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubmissionRating(sent.operator, sent.requestId, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSubmissionRating(stranger, "non-un-id", now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.questionnaireParticipation.count()).toBe(0);
  });
});

describe("results", () => {
  it("are for ADMIN only", async () => {
    const office = await createOffice();
    await expect(getQuestionnaireResults(await operatorActor(office.id, "RESPONSABILE"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuestionnaireResults(await operatorActor(office.id, "OPERATORE"))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("show counts, mean and distribution per question and the free texts, only from five answers", async () => {
    const admin = await operatorActor((await createOffice()).id, "ADMIN");
    const answers = [
      { "facilita-uso": "5", "tempi-risposta": "1", suggerimenti: "Ottimo servizio." },
      { "facilita-uso": "4", "tempi-risposta": "2" },
      { "facilita-uso": "4", suggerimenti: "Risposte più rapide." },
      { "facilita-uso": "2", "tempi-risposta": "2" },
    ];
    for (const values of answers) await answerQuestionnaire((await professional()).actor, { campaign: CAMPAIGN, values }, now);

    const fewer = (await getQuestionnaireResults(admin)).find((campaign) => campaign.slug === CAMPAIGN);
    expect(fewer).toMatchObject({ responses: 4, questions: null });

    await answerQuestionnaire((await professional()).actor, { campaign: CAMPAIGN, values: { "facilita-uso": "5" } }, now);
    const results = await getQuestionnaireResults(admin);
    expect(results.find((campaign) => campaign.slug === "invio-richiesta")).toMatchObject({ responses: 0, questions: null });
    const campaign = results.find((row) => row.slug === CAMPAIGN);
    expect(campaign?.responses).toBe(5);
    const [ease, times, clarity, suggestions] = campaign?.questions ?? [];
    expect(ease).toMatchObject({ type: "scala", count: 5, mean: 4 });
    expect(ease?.type === "scala" && ease.distribution.map((row) => row.count)).toEqual([0, 1, 0, 2, 2]);
    expect(times).toMatchObject({ count: 3, mean: 5 / 3 });
    expect(clarity).toMatchObject({ count: 0, mean: null });
    expect(suggestions).toMatchObject({ type: "testo", count: 2 });
    expect(suggestions?.type === "testo" && [...suggestions.texts].sort()).toEqual(["Ottimo servizio.", "Risposte più rapide."]);
  });
});
