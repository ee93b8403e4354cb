import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { createRequest } from "@/server/requests/create-request";
import { DRAFT_FILES_GONE, DRAFT_LIFETIME_MS } from "@/server/drafts/form-drafts";
import { DRAFT_NOT_FOUND, getFormDraft } from "@/server/drafts/get-form-draft";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { saveFormDraft } from "@/server/drafts/save-form-draft";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { loadFormDraft } from "../../../src/app/_lib/form-draft";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { stagePdf } from "../../support/request-files";
import {
  applyOfficeTransition,
  createHolderWithPosition,
  seededSubject,
  withStorageAndReferenceData,
} from "../../support/request-fixtures";

const storage = withStorageAndReferenceData();

/** The multipart POST a browser sends for the form: text fields first, then the files. */
async function multipartPost(fields: Record<string, string | string[]>, fileNames: string[] = []): Promise<Request> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  for (const fileName of fileNames) {
    const staged = await stagePdf(fileName);
    body.append("allegati", new Blob([await readFile(staged.tempPath)], { type: "application/pdf" }), fileName);
  }
  return new Request("http://localhost/api/cassetto/richieste", { method: "POST", body });
}

describe("form drafts: bad input loses nothing", () => {
  let actor: ContributorActor;
  let positionId: string;
  let subjectId: string;

  const validFields = () => ({
    subjectId,
    text: "Chiedo la verifica del versamento di marzo, non abbinato.",
    email: "titolare@example.it",
    mobile: "333 1234567",
    consentSms: "on",
    idempotencyKey: randomUUID(),
  });

  /** One "Invia" of Nuova richiesta, as the route handler runs it. */
  async function send(fields: Record<string, string | string[]>, fileNames: string[] = [], draftId?: string, as = actor) {
    return submitFormWithDraft(as, await multipartPost(fields, fileNames), {
      limits: await getUploadLimits(actor, { positionId }),
      scope: { purpose: "NUOVA_RICHIESTA" },
      draftId,
      target: positionId,
      submit: (input, files) => createRequest(as, { ...input, positionId }, files),
    });
  }

  async function refusedDraft(fields: Record<string, string | string[]>, fileNames: string[] = [], draftId?: string) {
    const outcome = await send(fields, fileNames, draftId);
    if (outcome.ok || !("draftId" in outcome)) throw new Error("the form should have been refused");
    return getFormDraft(actor, outcome.draftId, { purpose: "NUOVA_RICHIESTA" });
  }

  beforeEach(async () => {
    const { holder, position } = await createHolderWithPosition("AZIENDE");
    actor = contributorActor(holder);
    positionId = position.id;
    subjectId = (await seededSubject("AZIENDE")).id;
  });

  it("keeps the values, the field messages and the files of a refused form, then sends the files again by reference", async () => {
    const first = { ...validFields(), text: "Troppo breve" };
    const draft = await refusedDraft(first, ["estratto.pdf"]);

    expect(draft.values).toMatchObject({
      text: "Troppo breve",
      email: "titolare@example.it",
      consentSms: "on",
      idempotencyKey: first.idempotencyKey,
    });
    expect(draft.errors).toEqual({ text: ["Il testo deve contenere almeno 20 caratteri."] });
    expect(draft.files.map((file) => file.fileName)).toEqual(["estratto.pdf"]);
    const stored = await storage.storedKeys();

    const outcome = await send(
      { ...first, text: "Testo ora abbastanza lungo per la sede.", conservati: draft.files.map((file) => file.key) },
      ["nuovo.pdf"],
      draft.id,
    );

    if (!outcome.ok) throw new Error("the corrected form should have been accepted");
    const message = await prisma.message.findFirstOrThrow({ where: { requestId: outcome.result.id }, include: { attachments: true } });
    expect(message.attachments.map((file) => file.fileName).sort()).toEqual(["estratto.pdf", "nuovo.pdf"]);
    expect(await prisma.formDraft.count({ where: { id: draft.id } })).toBe(0);
    // The request's files and bundle are added, the draft's copy is gone.
    const added = [...message.attachments.map((file) => file.storageKey), message.bundleKey];
    const after = await storage.storedKeys();
    expect(after).toHaveLength(stored.length - 1 + added.length);
    expect(after).toEqual(expect.arrayContaining(added));
  });

  it("drops the files the person unticked", async () => {
    const draft = await refusedDraft({ ...validFields(), email: "non-valida" }, ["uno.pdf", "due.pdf"]);
    const stored = (await storage.storedKeys()).length;

    const next = await refusedDraft({ ...validFields(), email: "ancora@", conservati: [draft.files[0]?.key ?? ""] }, [], draft.id);

    expect(next.files.map((file) => file.fileName)).toEqual(["uno.pdf"]);
    expect(next.errors.email).toBeDefined();
    expect(await storage.storedKeys()).toHaveLength(stored - 1);
    await expect(getFormDraft(actor, draft.id, { purpose: "NUOVA_RICHIESTA" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps the ticked files of the earlier draft, the newly typed values and the new files within the limit when the upload refuses some", async () => {
    const draft = await refusedDraft({ ...validFields(), text: "Breve" }, ["uno.pdf"]);

    const next = await refusedDraft(
      { ...validFields(), conservati: draft.files.map((file) => file.key) },
      ["a.pdf", "b.pdf", "c.pdf", "d.pdf"],
      draft.id,
    );

    expect(next.errors).toEqual({ allegati: ["Si possono allegare al massimo 3 file."] });
    expect(next.values.text).toBe(validFields().text);
    expect(next.files.map((file) => file.fileName)).toEqual(["uno.pdf", "a.pdf", "b.pdf", "c.pdf"]);
  });

  it("counts the kept files against the gestione's limit", async () => {
    const draft = await refusedDraft({ ...validFields(), text: "Breve" }, ["uno.pdf", "due.pdf"]);

    const next = await refusedDraft(
      { ...validFields(), conservati: draft.files.map((file) => file.key) },
      ["tre.pdf", "quattro.pdf"],
      draft.id,
    );

    expect(next.errors).toEqual({ allegati: ["Si possono allegare al massimo 3 file."] });
    expect(next.files.map((file) => file.fileName)).toEqual(["uno.pdf", "due.pdf", "tre.pdf", "quattro.pdf"]);
  });

  it("shows a draft only to its owner, and lets nobody else use its files", async () => {
    const draft = await refusedDraft({ ...validFields(), text: "Breve" }, ["riservato.pdf"]);
    const stranger = contributorActor(await createPerson("Estraneo"));
    const strangerPosition = await createPosition(stranger.personId, (await createOffice()).id, "AZIENDE");

    await expect(getFormDraft(stranger, draft.id, { purpose: "NUOVA_RICHIESTA" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFormDraft(actor, draft.id, { purpose: "MESSAGGIO_RICHIESTA" })).rejects.toBeInstanceOf(NotFoundError);
    const attempt = createRequest(
      stranger,
      { ...validFields(), positionId: strangerPosition.id, bozza: draft.id, conservati: draft.files.map((file) => file.key) },
      [],
    );
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { allegati: [DRAFT_FILES_GONE] } });
    expect((await getFormDraft(actor, draft.id, { purpose: "NUOVA_RICHIESTA" })).files).toHaveLength(1);
  });

  it("gives the form's page its draft, or once the draft is used or someone else's, the message that it is gone", async () => {
    const scope = { purpose: "NUOVA_RICHIESTA" as const };
    const draft = await refusedDraft({ ...validFields(), text: "Breve" });
    const stranger = contributorActor(await createPerson("Estraneo"));

    expect((await loadFormDraft(actor, draft.id, scope)).draft?.values.text).toBe("Breve");
    expect(await loadFormDraft(stranger, draft.id, scope)).toEqual({ draft: null, gone: DRAFT_NOT_FOUND });
    expect(await loadFormDraft(actor, "non-una-bozza", scope)).toEqual({ draft: null, gone: DRAFT_NOT_FOUND });
    expect(await loadFormDraft(actor, undefined, scope)).toEqual({ draft: null, gone: null });

    // Sent: the back button leads to the form's address with a draft that no longer exists.
    expect((await send(validFields(), [], draft.id)).ok).toBe(true);
    expect(await loadFormDraft(actor, draft.id, scope)).toEqual({ draft: null, gone: DRAFT_NOT_FOUND });
  });

  it("expires, and expired drafts are cleared with their files", async () => {
    const stored = (await storage.storedKeys()).length;
    const long = Date.now() - 2 * DRAFT_LIFETIME_MS;
    const old = await saveFormDraft(
      actor,
      { purpose: "NUOVA_RICHIESTA", values: { text: "vecchio" }, errors: {}, files: [await stagePdf()] },
      new Date(long),
    );
    expect(await storage.storedKeys()).toHaveLength(stored + 1);
    await expect(getFormDraft(actor, old.id, { purpose: "NUOVA_RICHIESTA" })).rejects.toBeInstanceOf(NotFoundError);

    const fresh = await saveFormDraft(actor, {
      purpose: "NUOVA_RICHIESTA",
      values: { text: "nuovo", intruso: "x" },
      errors: {},
      files: [],
    });

    expect(await prisma.formDraft.count({ where: { id: old.id } })).toBe(0);
    expect(await storage.storedKeys()).toHaveLength(stored);
    expect((await getFormDraft(actor, fresh.id, { purpose: "NUOVA_RICHIESTA" })).values).toEqual({ text: "nuovo" });
  });

  it("keeps no message draft on a request the actor may not act on", async () => {
    const created = await createRequest(actor, { ...validFields(), positionId }, []);
    const stranger = contributorActor(await createPerson("Estraneo"));
    const draftsBefore = await prisma.formDraft.count();

    for (const requestId of [created.id, randomUUID(), "non-una-richiesta"]) {
      const attempt = saveFormDraft(stranger, {
        purpose: "MESSAGGIO_RICHIESTA",
        requestId,
        values: { text: "Ciao" },
        errors: {},
        files: [],
      });
      await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    }

    expect(await prisma.formDraft.count()).toBe(draftsBefore);
  });

  it("keeps a message written on a request closed in the meantime", async () => {
    const created = await createRequest(actor, { ...validFields(), positionId }, []);
    const operator = await operatorActor((await prisma.quesito.findUniqueOrThrow({ where: { requestId: created.id } })).officeId);
    await applyOfficeTransition(operator, created.id, { action: "PRESA_IN_CARICO" });
    await applyOfficeTransition(operator, created.id, { action: "CHIUSA", esito: "ACCOLTA", comment: "Fatto." });
    const scope = { purpose: "MESSAGGIO_RICHIESTA" as const, requestId: created.id };

    const outcome = await submitFormWithDraft(actor, await multipartPost({ text: "Ancora una domanda." }), {
      limits: await getUploadLimits(actor, { requestId: created.id }),
      scope,
      target: created.id,
      submit: (input, files) => addContributorMessage(actor, created.id, input, files),
    });

    if (outcome.ok || !("draftId" in outcome)) throw new Error("a closed request should refuse the message");
    const draft = await getFormDraft(actor, outcome.draftId, scope);
    expect(draft.values).toEqual({ text: "Ancora una domanda." });
    expect(draft.errors.form?.[0]).toContain("La richiesta è chiusa");
  });
});
