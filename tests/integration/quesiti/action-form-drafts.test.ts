import { beforeEach, describe, expect, it, vi } from "vitest";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import {
  closeAction,
  internalNoteAction,
  reassignToOfficeAction,
  reassignToOperatorAction,
  takeAction,
} from "../../../src/app/(fascicolo)/fascicolo/quesiti/[id]/actions";
import { FLASH_COOKIE, readFlash, withDraftValues } from "../../../src/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { FLASH_PARAM } from "../../../src/app/_lib/form-flash";
import { createHolderWithPosition, createSentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";
import { operatorActor } from "../../support/quesito-fixtures";
import { cookieJar, redirectOf } from "../../support/server-actions";

// The HTTP boundary of a server action: Next's request headers, cookies and redirect.
vi.mock("next/headers", async () => (await import("../../support/server-actions")).nextHeadersMock("198.51.100.71"));
vi.mock("next/navigation", async () => (await import("../../support/server-actions")).nextNavigationMock);
vi.mock("@/server/identity/session", () => ({ requireOperator: vi.fn() }));

const now = new Date("2026-11-20T10:00:00Z");
withStorageAndReferenceData();

describe("a refused form of the quesito page comes back whole, whatever its length", () => {
  let operator: OperatorActor;
  let quesito: { id: string; version: number };

  /** Posts the form and reads back the outcome the quesito page shows (its flash, with the values of the draft it names). */
  async function post(action: (formData: FormData) => Promise<void>, fields: Record<string, string>) {
    const formData = new FormData();
    for (const [name, value] of Object.entries({ quesitoId: quesito.id, expectedVersion: String(quesito.version), ...fields }))
      formData.append(name, value);
    const location = await redirectOf(action(formData));
    const flash = readFlash(cookieJar.get(FLASH_COOKIE), location.searchParams.get(FLASH_PARAM) ?? undefined);
    return { location, flash, shown: await withDraftValues(operator, quesito.id, flash) };
  }

  beforeEach(async () => {
    cookieJar.clear();
    const sent = await createSentRequest({ at: now });
    operator = sent.operator;
    quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: sent.requestId }, select: { id: true, version: true } });
    vi.mocked(requireOperator).mockReset().mockResolvedValue(operator);
  });

  it("names its quesito by the form's hidden field, which never comes back among the typed values", async () => {
    const taken = await post(takeAction, {});

    expect(taken.location.pathname).toBe(`/fascicolo/quesiti/${quesito.id}`);
    expect(taken.flash).toMatchObject({ tone: "success", message: "Hai preso in carico il quesito." });
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } })).toMatchObject({
      state: "IN_LAVORAZIONE",
      assigneeId: operator.operatorId,
    });

    const refused = await post(internalNoteAction, { body: "" });
    expect(refused.flash).toMatchObject({ tone: "danger", form: "nota" });
    expect(refused.shown?.values).toEqual({ body: "" });
  });

  it("the reassignment's forms come back to their own page when refused, and go to the quesito, or the queue, when done", async () => {
    const colleague = await operatorActor(operator.office.id);
    const otherOffice = (await createHolderWithPosition("AZIENDE")).office;

    const refused = await post(reassignToOfficeAction, { officeId: "", comment: "Competenza territoriale" });
    expect(refused.location.pathname).toBe(`/fascicolo/quesiti/${quesito.id}/riassegna`);
    expect(refused.location.hash).toBe("#modulo-riassegna-sede");
    expect(refused.flash).toMatchObject({ tone: "danger", form: "riassegna-sede" });
    expect(refused.shown?.values).toEqual({ officeId: "", comment: "Competenza territoriale" });

    const reassigned = await post(reassignToOperatorAction, { operatorId: colleague.operatorId, comment: "Ferie" });
    expect(reassigned.location.pathname).toBe(`/fascicolo/quesiti/${quesito.id}`);
    expect(reassigned.flash).toMatchObject({ tone: "success", message: "Quesito riassegnato." });

    quesito = await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id }, select: { id: true, version: true } });
    const transferred = await post(reassignToOfficeAction, { officeId: otherOffice.id, comment: "Competenza territoriale" });
    expect(transferred.location.pathname).toBe("/fascicolo/quesiti");
    expect(transferred.flash).toMatchObject({ tone: "success" });
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } })).toMatchObject({ officeId: otherOffice.id });
  });

  it("a form that names no quesito, or a made-up one, changes nothing and is refused as not found", async () => {
    const overlong = "a".repeat(100_000);
    for (const named of ["", "01a24c35-0000-7000-8000-000000000000", "../../admin", overlong]) {
      cookieJar.clear();
      const formData = new FormData();
      if (named) formData.append("quesitoId", named);
      formData.append("expectedVersion", String(quesito.version));

      const location = await redirectOf(takeAction(formData));
      const flash = readFlash(cookieJar.get(FLASH_COOKIE), location.searchParams.get(FLASH_PARAM) ?? undefined);

      // Only an id that can name a quesito goes back into the address; anything else goes to the queue.
      expect(location.pathname).toBe(isUuid(named) ? `/fascicolo/quesiti/${named}` : "/fascicolo/quesiti/");
      expect(flash).toMatchObject({ tone: "danger", form: "presa", message: "La risorsa richiesta non esiste o non è accessibile." });
    }
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } })).toMatchObject({ state: "NUOVO", assigneeId: null });
  });

  it("an internal note of 10,000 characters is refused at its field and comes back whole, kept in a draft, not in the cookie", async () => {
    const note = "Verificare i versamenti F24 del periodo indicato. ".repeat(200);
    expect(note).toHaveLength(10_000);

    const { location, flash, shown } = await post(internalNoteAction, { body: note });

    expect(location.pathname).toBe(`/fascicolo/quesiti/${quesito.id}`);
    expect(flash).toMatchObject({ tone: "danger", form: "nota", draftId: expect.any(String) });
    expect(flash?.values).toBeUndefined();
    expect(cookieJar.get(FLASH_COOKIE)?.length).toBeLessThan(3800);
    expect(shown?.values?.body).toBe(note);
    expect(shown?.errors?.body?.[0]).toMatch(/La nota è troppo lunga/);
    expect(await prisma.message.count({ where: { visibility: "INTERNO", request: { quesito: { id: quesito.id } } } })).toBe(0);
  });

  it("a long comment refused for another field (no esito chosen) comes back whole at the close form", async () => {
    // 1,990 characters of two bytes each: within the comment's limit, beyond what the cookie keeps.
    const comment = "è".repeat(1_990);

    const { flash, shown } = await post(closeAction, { comment, esito: "" });

    expect(flash).toMatchObject({ tone: "danger", form: "chiusura" });
    expect(shown?.errors).toEqual({ esito: ["Scegliere l'esito."] });
    expect(shown?.values).toEqual({ comment, esito: "" });
    expect(await prisma.quesito.findUniqueOrThrow({ where: { id: quesito.id } })).toMatchObject({ state: "NUOVO" });
  });

  it("the draft is the operator's own: a colleague reading the flash's draft gets the form back empty", async () => {
    const { flash } = await post(internalNoteAction, { body: "x".repeat(5_000) });
    const colleague = await operatorActor(operator.office.id);

    expect((await withDraftValues(colleague, quesito.id, flash))?.values).toEqual({});
  });

  it("an operator of another office keeps no draft: the refusal comes back as before", async () => {
    const elsewhere = await createHolderWithPosition("AZIENDE");
    operator = await operatorActor(elsewhere.office.id);
    vi.mocked(requireOperator).mockResolvedValue(operator);
    const draftsBefore = await prisma.formDraft.count();

    const { flash } = await post(internalNoteAction, { body: "Nota su un quesito di un'altra sede." });

    expect(flash).toMatchObject({ tone: "danger", form: "nota", values: { body: "Nota su un quesito di un'altra sede." } });
    expect(flash?.draftId).toBeUndefined();
    expect(await prisma.formDraft.count()).toBe(draftsBefore);
  });
});
