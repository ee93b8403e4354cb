import { beforeEach, describe, expect, it } from "vitest";
import { createQuestionnaireCampaign } from "@/server/admin/create-questionnaire-campaign";
import { getQuestionnaireCampaign } from "@/server/admin/get-questionnaire-campaign";
import { CAMPAIGN_ANSWERED, CODE_TAKEN, NO_QUESTIONS, STALE_CAMPAIGN } from "@/server/admin/questionnaire-schemas";
import { ALREADY_CLOSED, switchQuestionnaireCampaign } from "@/server/admin/switch-questionnaire-campaign";
import { updateQuestionnaireCampaign } from "@/server/admin/update-questionnaire-campaign";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { answerQuestionnaire } from "@/server/questionnaires/answer-questionnaire";
import { QUESTIONNAIRE_CHANGED, storeAnonymousAnswer } from "@/server/questionnaires/anonymous-answers";
import { getQuestionnaire } from "@/server/questionnaires/get-questionnaire";
import { createOffice, createPerson } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

process.env.QUESTIONNAIRE_SECRET = "segreto-dei-questionari-per-i-test-".padEnd(48, "x");

// 10:00 in Rome on 20 November 2026.
const now = new Date("2026-11-20T09:00:00Z");
let admin: OperatorActor;

beforeEach(async () => {
  await resetDatabase();
  admin = await operatorActor((await createOffice()).id, "ADMIN");
});

/** The new-campaign form as the browser sends it: two questions, a scale and a free text, and two empty slots. */
const form = (overrides: Record<string, string> = {}) => ({
  code: "professionisti-2027",
  kind: "PROFESSIONISTI",
  title: "Questionario 2027",
  intro: "Volontario e anonimo.",
  opensOn: "2026-11-01",
  closesOn: "2026-12-31",
  domanda_1_tipo: "scala",
  domanda_1_testo: "Quanto è facile usare il portale?",
  domanda_1_minimo: "per niente",
  domanda_1_massimo: "molto",
  domanda_1_nota: "",
  domanda_2_tipo: "",
  domanda_2_testo: "",
  domanda_3_tipo: "testo",
  domanda_3_testo: "Che cosa miglioreresti?",
  domanda_3_nota: "Facoltativo.",
  domanda_4_tipo: "",
  ...overrides,
});

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

async function professional() {
  return contributorActor(await createPerson("Professionista"), "INTERMEDIARIO");
}

async function entries() {
  return prisma.auditEntry.findMany({ where: { targetType: "QUESTIONARIO" }, orderBy: { sequence: "asc" } });
}

describe("a new campaign", () => {
  it("is created with its questions in order, offered to professionals in its period, and audited", async () => {
    expect(await createQuestionnaireCampaign(admin, form())).toEqual({ slug: "professionisti-2027" });

    const campaign = await getQuestionnaireCampaign(admin, "professionisti-2027", now);
    expect(campaign).toMatchObject({ state: "APERTO", responses: 0, version: 1, opensOn: "2026-11-01", closesOn: "2026-12-31" });
    expect(campaign.questions).toEqual([
      { key: "domanda-1", type: "scala", text: "Quanto è facile usare il portale?", lowLabel: "per niente", highLabel: "molto" },
      { key: "domanda-2", type: "testo", text: "Che cosa miglioreresti?", hint: "Facoltativo." },
    ]);
    const shown = await getQuestionnaire(await professional(), "professionisti-2027", now);
    expect(shown.campaign).toMatchObject({ title: "Questionario 2027" });
    const [entry] = await entries();
    expect(entry).toMatchObject({ action: "AMMINISTRAZIONE_CREAZIONE", targetId: "professionisti-2027", before: null });
    expect(JSON.parse(entry!.after!)).toMatchObject({ kind: "PROFESSIONISTI", opensOn: "2026-11-01", closesOn: "2026-12-31" });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("refuses invalid dates, no questions, half-filled questions and a code in use, each at its field in Italian", async () => {
    expect(await fieldErrorsOf(createQuestionnaireCampaign(admin, form({ opensOn: "2026-02-30", closesOn: "domani" })))).toEqual({
      opensOn: ["Indicare il giorno di apertura (gg/mm/aaaa)."],
      closesOn: ["Indicare un giorno di chiusura valido (gg/mm/aaaa), o lasciarlo vuoto."],
    });
    expect(await fieldErrorsOf(createQuestionnaireCampaign(admin, form({ opensOn: "2026-12-01", closesOn: "2026-11-30" })))).toEqual({
      closesOn: ["Il giorno di chiusura non può precedere quello di apertura."],
    });
    const empty = {
      domanda_1_tipo: "",
      domanda_1_testo: "",
      domanda_1_minimo: "",
      domanda_1_massimo: "",
      domanda_3_tipo: "",
      domanda_3_testo: "",
      domanda_3_nota: "",
    };
    expect(await fieldErrorsOf(createQuestionnaireCampaign(admin, form(empty)))).toEqual({ domanda_1_testo: [NO_QUESTIONS] });
    expect(
      await fieldErrorsOf(createQuestionnaireCampaign(admin, form({ domanda_1_massimo: "", domanda_3_tipo: "", code: "X", title: " " }))),
    ).toEqual({
      code: ["Il codice è di 3–60 lettere minuscole, cifre e trattini, ad esempio professionisti-2027."],
      title: ["Indicare il titolo del questionario."],
      domanda_1_massimo: ["Domanda 1: indicare che cosa significa 5."],
      domanda_3_tipo: ["Domanda 3: scegliere se si risponde con una scala da 1 a 5 o con un testo libero."],
    });
    await createQuestionnaireCampaign(admin, form());
    expect(await fieldErrorsOf(createQuestionnaireCampaign(admin, form({ title: "Un altro" })))).toEqual({ code: [CODE_TAKEN] });
    expect(await prisma.questionnaireCampaign.count()).toBe(1);
    expect(await entries()).toHaveLength(1);
  });
});

describe("changing a campaign", () => {
  it("edits it while nobody has answered, on the version shown; the second of two edits is refused", async () => {
    await createQuestionnaireCampaign(admin, form());
    const { id } = await getQuestionnaireCampaign(admin, "professionisti-2027", now);
    const edit = (overrides: Record<string, string>) => ({ ...form(overrides), campaignId: id, expectedVersion: "1" });

    await updateQuestionnaireCampaign(admin, edit({ title: "Questionario 2027, rivisto", domanda_1_testo: "Quanto è chiaro il portale?" }));
    await expect(updateQuestionnaireCampaign(admin, edit({ title: "Intanto" }))).rejects.toEqual(new ConflictError(STALE_CAMPAIGN));

    const campaign = await getQuestionnaireCampaign(admin, "professionisti-2027", now);
    expect(campaign).toMatchObject({ title: "Questionario 2027, rivisto", version: 2 });
    expect(campaign.questions[0]).toMatchObject({ text: "Quanto è chiaro il portale?" });
    const [, entry] = await entries();
    expect(JSON.parse(entry!.before!)).toMatchObject({ title: "Questionario 2027" });
    expect(JSON.parse(entry!.after!)).toMatchObject({ title: "Questionario 2027, rivisto" });
  });

  it("refuses an edit once the campaign has an answer, explaining why, and changes nothing", async () => {
    await createQuestionnaireCampaign(admin, form());
    await answerQuestionnaire(await professional(), { campaign: "professionisti-2027", values: { "domanda-1": "4" } }, now);
    const { id } = await getQuestionnaireCampaign(admin, "professionisti-2027", now);

    await expect(
      updateQuestionnaireCampaign(admin, { ...form({ domanda_1_testo: "Un'altra domanda" }), campaignId: id, expectedVersion: "1" }),
    ).rejects.toEqual(new ConflictError(CAMPAIGN_ANSWERED));

    expect(await getQuestionnaireCampaign(admin, "professionisti-2027", now)).toMatchObject({ version: 1, responses: 1 });
    expect(await entries()).toHaveLength(1);
  });

  it("an answer given to the questions before an edit or a closing is refused, and nothing of it is stored", async () => {
    await createQuestionnaireCampaign(admin, form());
    const person = await createPerson("Professionista");
    const { campaign: shown } = await getQuestionnaire(contributorActor(person, "INTERMEDIARIO"), "professionisti-2027", now);
    const { id } = await getQuestionnaireCampaign(admin, "professionisti-2027", now);
    await updateQuestionnaireCampaign(admin, { ...form({ domanda_1_testo: "Domanda cambiata" }), campaignId: id, expectedVersion: "1" });

    // The answer form was read before the edit: its questions are no longer the campaign's.
    const stale = storeAnonymousAnswer(shown, "a".repeat(64), { "domanda-1": "4" }, "già", now);

    await expect(stale).rejects.toEqual(new ConflictError(QUESTIONNAIRE_CHANGED));
    await switchQuestionnaireCampaign(admin, { campaignId: id, expectedVersion: "2", action: "chiudi" }, now);
    const current = { ...shown, questions: (await getQuestionnaireCampaign(admin, "professionisti-2027", now)).questions };
    await expect(storeAnonymousAnswer(current, "b".repeat(64), { "domanda-1": "4" }, "già", now)).rejects.toEqual(
      new ConflictError(QUESTIONNAIRE_CHANGED),
    );
    expect(await prisma.questionnaireResponse.count()).toBe(0);
    expect(await prisma.questionnaireParticipation.count()).toBe(0);
  });

  it("opens a scheduled campaign today and closes an open one now, answers or not", async () => {
    await createQuestionnaireCampaign(admin, form({ opensOn: "2026-12-01", closesOn: "" }));
    const { id } = await getQuestionnaireCampaign(admin, "professionisti-2027", now);
    await expect(getQuestionnaire(await professional(), "professionisti-2027", now)).rejects.toBeInstanceOf(NotFoundError);

    await switchQuestionnaireCampaign(admin, { campaignId: id, expectedVersion: "1", action: "apri" }, now);
    expect(await getQuestionnaireCampaign(admin, "professionisti-2027", now)).toMatchObject({ state: "APERTO", opensOn: "2026-11-20" });
    await answerQuestionnaire(await professional(), { campaign: "professionisti-2027", values: { "domanda-1": "5" } }, now);

    await switchQuestionnaireCampaign(admin, { campaignId: id, expectedVersion: "2", action: "chiudi" }, now);
    expect(await getQuestionnaireCampaign(admin, "professionisti-2027", now)).toMatchObject({ state: "CHIUSO", closesOn: "2026-11-19" });
    await expect(getQuestionnaire(await professional(), "professionisti-2027", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(switchQuestionnaireCampaign(admin, { campaignId: id, expectedVersion: "3", action: "apri" }, now)).rejects.toEqual(
      new ValidationError({}, ALREADY_CLOSED),
    );
    await expect(switchQuestionnaireCampaign(admin, { campaignId: id, expectedVersion: "2", action: "chiudi" }, now)).rejects.toEqual(
      new ConflictError(STALE_CAMPAIGN),
    );
    const changes = (await entries()).slice(1).map((entry) => [JSON.parse(entry.before!), JSON.parse(entry.after!)]);
    expect(changes).toEqual([
      [{ opensOn: "2026-12-01" }, { opensOn: "2026-11-20" }],
      [{ closesOn: null }, { closesOn: "2026-11-19" }],
    ]);
  });
});

describe("access", () => {
  it.each(["OPERATORE", "RESPONSABILE"] as const)("a %s is told every service does not exist, forged forms included", async (role) => {
    await createQuestionnaireCampaign(admin, form());
    const { id } = await getQuestionnaireCampaign(admin, "professionisti-2027", now);
    const other = await operatorActor((await createOffice()).id, role);

    await expect(createQuestionnaireCampaign(other, form({ code: "forgiato" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuestionnaireCampaign(other, "professionisti-2027", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateQuestionnaireCampaign(other, { ...form({ title: "Forgiato" }), campaignId: id, expectedVersion: "1" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      switchQuestionnaireCampaign(other, { campaignId: id, expectedVersion: "1", action: "chiudi" }, now),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getQuestionnaireCampaign(admin, "professionisti-2027", now)).toMatchObject({ title: "Questionario 2027", version: 1 });
    expect(await entries()).toHaveLength(1);
  });

  it("a campaign that does not exist is not found", async () => {
    await expect(getQuestionnaireCampaign(admin, "nessuno", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      switchQuestionnaireCampaign(admin, { campaignId: "0193a7f0-0000-7000-8000-000000000000", expectedVersion: "1", action: "apri" }, now),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
