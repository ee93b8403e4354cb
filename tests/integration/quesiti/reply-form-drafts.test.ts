import type { NextResponse } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { getOperator } from "@/server/identity/session";
import { DRAFT_FILES_GONE } from "@/server/drafts/form-drafts";
import { DRAFT_NOT_FOUND, getFormDraft } from "@/server/drafts/get-form-draft";
import { saveFormDraft } from "@/server/drafts/save-form-draft";
import { loadFormDraft } from "../../../src/app/_lib/form-draft";
import { FLASH_PARAM } from "../../../src/app/_lib/form-flash";
import { FLASH_COOKIE, readFlash } from "../../../src/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { POST as postReply } from "../../../src/app/api/fascicolo/quesiti/[id]/risposta/route";
import { createOffice } from "../../support/fixtures";
import { contributorActor, createTakenQuesito, operatorActor } from "../../support/quesito-fixtures";
import { temporaryStorageForFile } from "../../support/request-files";
import { exeSample, pdfSample } from "../attachments/samples";

// The session is next-auth's business (tested in identity); here it is whoever each test says.
vi.mock("@/server/identity/session", () => ({ getContributorResolution: vi.fn(), getOperator: vi.fn() }));

const MB = 1024 * 1024;
const NOT_ADMITTED =
  "Il file «risposta.exe» non è un documento ammesso: sono accettati PDF, immagini, documenti di Office/OpenDocument, testo e file firmati .p7m.";

// This file's own DATA_DIR and TMPDIR, so that "nothing left behind" is exact.
const storage = temporaryStorageForFile({ nothingLeftStaged: true });

type FormFile = { name: string; content: Uint8Array };

describe("the office's reply through its route handler: a refused reply is kept in the operator's draft", () => {
  let operator: OperatorActor;
  let quesitoId: string;
  let requestId: string;

  beforeEach(async () => {
    ({ operator, quesitoId, requestId } = await createTakenQuesito());
    vi.mocked(getOperator).mockReset().mockResolvedValue(operator);
  });

  const scope = () => ({ purpose: "RISPOSTA_QUESITO" as const, quesitoId });

  /** The reply form as the browser posts it, the file input last, to the route handler (`?bozza=` for a corrected form). */
  async function post(fields: Record<string, string | string[]>, files: FormFile[], draftId?: string) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    for (const file of files) body.append("allegati", new File([new Uint8Array(file.content)], file.name, { type: "application/pdf" }));
    const query = draftId ? `?bozza=${draftId}` : "";
    const response = (await postReply(
      new Request(`http://localhost/api/fascicolo/quesiti/${quesitoId}/risposta${query}`, { method: "POST", body }),
      {
        params: Promise.resolve({ id: quesitoId }),
      },
    )) as NextResponse;
    expect(response.status).toBe(303);
    return response;
  }

  /** Posts the reply; the browser goes back to the quesito, with the draft or the outcome's notice. */
  async function reply(fields: Record<string, string | string[]>, files: FormFile[], draftId?: string) {
    const response = await post(fields, files, draftId);
    const location = new URL(response.headers.get("location") ?? "", "http://localhost");
    expect(location.pathname).toBe(`/fascicolo/quesiti/${quesitoId}`);
    const flash = readFlash(response.cookies.get(FLASH_COOKIE)?.value, location.searchParams.get(FLASH_PARAM) ?? undefined);
    return { flash, draftId: location.searchParams.get("bozza"), anchor: location.hash };
  }

  /** Posts a reply that must be refused, and reads the draft the page will show. */
  async function refused(fields: Record<string, string | string[]>, files: FormFile[], draftId?: string) {
    const outcome = await reply(fields, files, draftId);
    expect(outcome.anchor).toBe("#modulo-risposta");
    if (!outcome.draftId) throw new Error("the reply should have been refused into a draft");
    return getFormDraft(operator, outcome.draftId, scope());
  }

  const typed = { body: "La pratica è stata verificata: nessun importo è dovuto.", nextState: "IN_ATTESA_CONTRIBUENTE" };
  const prospetto = { name: "prospetto.pdf", content: pdfSample() };
  const notAdmitted = { name: "risposta.exe", content: exeSample() };

  async function replies() {
    return prisma.message.findMany({ where: { requestId, authorOperatorId: { not: null } }, include: { attachments: true } });
  }
  async function version() {
    return (await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).version;
  }

  it("refuses a reply of 5,051 characters with its count and gives the text back whole", async () => {
    const long = `${"Il versamento di marzo risulta abbinato. ".repeat(123)}Cordiali saluti`.slice(0, 5051);
    expect(long).toHaveLength(5051);

    const draft = await refused({ expectedVersion: "1", ...typed, body: long }, []);

    expect(draft.errors).toEqual({ body: ["La risposta è troppo lunga: 1.051 caratteri oltre il limite di 4.000."] });
    expect(draft.values).toEqual({ ...typed, body: long });
    expect(await replies()).toEqual([]);
    expect(await version()).toBe(1);
  });

  it("keeps the admitted file of a reply whose other file is refused, and sends it with the corrected reply", async () => {
    const stored = await storage.storedKeys();
    const draft = await refused({ expectedVersion: "1", ...typed }, [prospetto, notAdmitted]);

    expect(draft.errors).toEqual({ allegati: [NOT_ADMITTED] });
    expect(draft.values).toEqual(typed);
    expect(draft.files).toEqual([{ key: expect.any(String), fileName: "prospetto.pdf", size: prospetto.content.length }]);
    expect(await storage.storedKeys()).toHaveLength(stored.length + 1);
    expect(await replies()).toEqual([]);

    const sent = await reply({ expectedVersion: "1", ...typed, conservati: draft.files.map((file) => file.key) }, [], draft.id);

    expect(sent.flash).toEqual({ tone: "success", message: "Risposta inviata al contribuente." });
    const [message] = await replies();
    expect(message?.body).toBe(typed.body);
    expect(message?.attachments.map((attachment) => attachment.fileName)).toEqual(["prospetto.pdf"]);
    expect(await prisma.formDraft.count({ where: { id: draft.id } })).toBe(0);
    // The message's file and its bundle; the draft's copy is gone.
    expect(await storage.storedKeys()).toHaveLength(stored.length + 2);
    expect(await version()).toBe(2);
  });

  it("answers every field at once: a blank text, a state not proposed and a refused file", async () => {
    const draft = await refused({ expectedVersion: "1", body: "   ", nextState: "CHIUSO" }, [prospetto, notAdmitted]);

    expect(draft.errors).toEqual({
      body: ["Scrivere il testo della risposta."],
      nextState: ["Scegliere lo stato tra quelli proposti."],
      allegati: [NOT_ADMITTED],
    });
    expect(draft.files.map((file) => file.fileName)).toEqual(["prospetto.pdf"]);
  });

  it("counts the kept files with the new ones against the gestione's limits", async () => {
    const draft = await refused({ expectedVersion: "1", ...typed }, [
      prospetto,
      { name: "scansione.pdf", content: Buffer.concat([pdfSample(), Buffer.alloc(3 * MB)]) },
    ]);

    expect(draft.errors).toEqual({ allegati: ["Il file «scansione.pdf» supera il limite di 3 MB."] });
    expect(draft.files.map((file) => file.fileName)).toEqual(["prospetto.pdf"]);
    expect(await replies()).toEqual([]);
  });

  it("keeps a reply refused by a change meanwhile, its files with it, with the message of the whole form", async () => {
    const draft = await refused({ expectedVersion: "0", ...typed }, [prospetto]);

    expect(draft.errors).toEqual({ form: [expect.stringMatching(/modificat/i)] });
    expect(draft.files.map((file) => file.fileName)).toEqual(["prospetto.pdf"]);
    expect(await replies()).toEqual([]);
  });

  it("refuses a reply with a NUL on its field, keeping the text without it", async () => {
    const draft = await refused({ expectedVersion: "1", ...typed, body: `${typed.body}\u0000` }, []);

    expect(draft.errors).toEqual({ body: [CONTROL_CHARACTERS_MESSAGE] });
    expect(draft.values).toEqual(typed);
  });

  it("sends an admitted reply and says so", async () => {
    const stored = await storage.storedKeys();
    const { flash, anchor, draftId } = await reply({ expectedVersion: "1", body: typed.body }, [prospetto]);

    expect(anchor).toBe("#esito-operazione");
    expect(draftId).toBeNull();
    expect(flash).toEqual({ tone: "success", message: "Risposta inviata al contribuente." });
    expect(await replies()).toHaveLength(1);
    expect(await storage.storedKeys()).toHaveLength(stored.length + 2);
  });

  it("keeps a reply over the operator's limit in the draft, with the reason for the whole form", async () => {
    vi.stubEnv("RATE_LIMIT_REPLIES", "1/600");
    try {
      expect((await reply({ expectedVersion: "1", body: typed.body }, [])).flash?.tone).toBe("success");

      const draft = await refused({ expectedVersion: "2", body: "Integro la risposta precedente." }, [prospetto]);

      expect(draft.errors).toEqual({ form: [expect.stringMatching(/^Troppe richieste in poco tempo: riprovare tra (9|10) minuti\.$/)] });
      expect(draft.values).toEqual({ body: "Integro la risposta precedente." });
      expect(draft.files.map((file) => file.fileName)).toEqual(["prospetto.pdf"]);
      expect(await replies()).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("another operator, of the same office, can neither see nor use the draft", async () => {
    const draft = await refused({ expectedVersion: "1", ...typed }, [prospetto, notAdmitted]);
    const colleague = await operatorActor((await prisma.quesito.findUniqueOrThrow({ where: { id: quesitoId } })).officeId);

    await expect(getFormDraft(colleague, draft.id, scope())).rejects.toThrow(NotFoundError);
    expect(await loadFormDraft(colleague, draft.id, scope())).toEqual({ draft: null, gone: DRAFT_NOT_FOUND });

    vi.mocked(getOperator).mockResolvedValue(colleague);
    const attempt = await reply({ expectedVersion: "1", ...typed, conservati: draft.files.map((file) => file.key) }, [], draft.id);

    expect(attempt.draftId).not.toBeNull();
    expect(attempt.draftId).not.toBe(draft.id);
    const colleagues = await getFormDraft(colleague, attempt.draftId ?? "", scope());
    expect(colleagues.errors).toEqual({ allegati: [DRAFT_FILES_GONE] });
    expect(colleagues.files).toEqual([]);
    expect(await replies()).toEqual([]);
    // The owner's draft is untouched, files and all.
    expect((await getFormDraft(operator, draft.id, scope())).files.map((file) => file.fileName)).toEqual(["prospetto.pdf"]);
  });

  it("a draft is only for its quesito, and only the office realm keeps a reply's draft", async () => {
    const draft = await refused({ expectedVersion: "1", ...typed, body: "" }, []);
    const other = await createTakenQuesito();

    await expect(getFormDraft(operator, draft.id, { purpose: "RISPOSTA_QUESITO", quesitoId: other.quesitoId })).rejects.toThrow(
      NotFoundError,
    );
    await expect(getFormDraft(operator, draft.id, { purpose: "MESSAGGIO_RICHIESTA", requestId })).rejects.toThrow(NotFoundError);
    const person = await prisma.person.findFirstOrThrow();
    await expect(getFormDraft(contributorActor(person), draft.id, scope())).rejects.toThrow(NotFoundError);
    await expect(saveFormDraft(contributorActor(person), { ...scope(), values: typed, errors: {}, files: [] })).rejects.toThrow(
      NotFoundError,
    );
    await expect(saveFormDraft(other.operator, { ...scope(), values: typed, errors: {}, files: [] })).rejects.toThrow(NotFoundError);
  });

  it("the database refuses a draft with no owner or with two", async () => {
    const person = await prisma.person.findFirstOrThrow();
    const draft = { purpose: "RISPOSTA_QUESITO" as const, quesitoId, data: {}, files: [], expiresAt: new Date(Date.now() + 60_000) };

    await expect(prisma.formDraft.create({ data: draft })).rejects.toThrow(/FormDraft_one_owner/);
    await expect(
      prisma.formDraft.create({ data: { ...draft, ownerOperatorId: operator.operatorId, ownerPersonId: person.id } }),
    ).rejects.toThrow(/FormDraft_one_owner/);
  });

  it("an operator of another office writes nothing and is told the quesito is not found", async () => {
    vi.mocked(getOperator).mockResolvedValue(await operatorActor((await createOffice()).id));
    const stored = await storage.storedKeys();
    const { flash, draftId } = await reply({ expectedVersion: "1", ...typed }, [prospetto]);

    expect(draftId).toBeNull();
    expect(flash).toMatchObject({ tone: "danger", form: "risposta", message: "La risorsa richiesta non esiste o non è accessibile." });
    expect(await replies()).toEqual([]);
    expect(await prisma.formDraft.count({ where: { quesitoId } })).toBe(0);
    expect(await storage.storedKeys()).toEqual(stored);
  });

  it("without an office session goes to the sign-in page, and back to the quesito after it", async () => {
    vi.mocked(getOperator).mockResolvedValue(null);
    const response = await post({ expectedVersion: "1", ...typed }, []);

    expect(response.headers.get("location")).toBe(
      `/fascicolo/accesso?callbackUrl=${encodeURIComponent(`/fascicolo/quesiti/${quesitoId}`)}`,
    );
    expect(await replies()).toEqual([]);
  });
});
