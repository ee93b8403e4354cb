import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { getContributorResolution } from "@/server/identity/session";
import { getFormDraft } from "@/server/drafts/get-form-draft";
import { POST as postMessage } from "../../../src/app/api/cassetto/richieste/[id]/messaggi/route";
import { POST as postRequest } from "../../../src/app/api/cassetto/richieste/route";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createQuesito } from "../../support/quesito-fixtures";
import { withStorageAndReferenceData } from "../../support/request-fixtures";
import { exeSample, pdfSample } from "../attachments/samples";

// The session is next-auth's business (tested in identity); here it is whoever each test says.
vi.mock("@/server/identity/session", () => ({ getContributorResolution: vi.fn(), getOperator: vi.fn() }));

const MB = 1024 * 1024;
const NOT_ADMITTED =
  "Il file «ricevuta.pdf» non è un documento ammesso: sono accettati PDF, immagini, documenti di Office/OpenDocument, testo e file firmati .p7m.";

// This file's own DATA_DIR and TMPDIR, so that "nothing left behind" is exact.
const storage = withStorageAndReferenceData({ nothingLeftStaged: true });

type FormFile = { name: string; content: Uint8Array; type?: string };

/** The multipart POST a browser sends: the text fields first, the file input last. */
function formPost(url: string, fields: [string, string][], files: FormFile[]): Request {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  for (const file of files) {
    body.append("allegati", new File([new Uint8Array(file.content)], file.name, { type: file.type ?? "application/pdf" }));
  }
  return new Request(url, { method: "POST", body });
}

const admitted = (name: string): FormFile => ({ name, content: pdfSample() });
const disguisedExecutable: FormFile = { name: "ricevuta.pdf", content: exeSample() };
const oversized: FormFile = { name: "scansione.pdf", content: Buffer.concat([pdfSample(), Buffer.alloc(3 * MB)]) };

function draftIdOf(response: Response): string {
  expect(response.status).toBe(303);
  const draftId = new URL(response.headers.get("location") ?? "", "http://localhost").searchParams.get("bozza");
  if (!draftId) throw new Error(`no draft in ${response.headers.get("location")}`);
  return draftId;
}

describe("a refused upload keeps what was typed", () => {
  let actor: ContributorActor;
  let positionId: string;
  let subjectId: string;

  beforeEach(async () => {
    const holder = await createPerson("Titolare");
    actor = contributorActor(holder);
    positionId = (await createPosition(holder.id, (await createOffice()).id, "AZIENDE")).id;
    subjectId = (await prisma.subject.findFirstOrThrow({ where: { gestione: "AZIENDE", parentId: { not: null } } })).id;
    vi.mocked(getContributorResolution).mockReset().mockResolvedValue({ status: "ok", actor });
  });

  const typed = (): [string, string][] => [
    ["idempotencyKey", randomUUID()],
    ["subjectId", subjectId],
    ["text", "Chiedo la verifica del versamento di marzo, risultato non abbinato."],
    ["email", "titolare@example.it"],
    ["mobile", "333 1234567"],
    ["consentSms", "on"],
  ];

  function sendNewRequest(fields: [string, string][], files: FormFile[], draftId?: string) {
    const query = `posizione=${positionId}${draftId ? `&bozza=${draftId}` : ""}`;
    return postRequest(formPost(`http://localhost/api/cassetto/richieste?${query}`, fields, files));
  }

  it("saves the first Nuova richiesta whose file is refused as a draft with the values, the file's error and the admitted file", async () => {
    const fields = typed();

    const response = await sendNewRequest(fields, [admitted("estratto.pdf"), disguisedExecutable, admitted("dopo.pdf")]);

    const draftId = draftIdOf(response);
    expect(response.headers.get("location")).toBe(`/cassetto/richieste/nuova?posizione=${positionId}&bozza=${draftId}#riepilogo-errori`);
    const draft = await getFormDraft(actor, draftId, { purpose: "NUOVA_RICHIESTA" });
    expect(draft.values).toEqual(Object.fromEntries(fields));
    expect(draft.errors).toEqual({ allegati: [NOT_ADMITTED] });
    // The files admitted with the refused one are kept in the draft, listed as received.
    expect(draft.files.map((file) => file.fileName)).toEqual(["estratto.pdf", "dopo.pdf"]);
    expect(await storage.storedKeys()).toHaveLength(2);
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
  });

  it("answers every problem at once: too many files, a short text and an invalid e-mail", async () => {
    const fields: [string, string][] = [
      ...typed().filter(([name]) => name !== "text" && name !== "email"),
      ["text", "Breve"],
      ["email", "non-un-indirizzo"],
    ];
    const files = ["uno.pdf", "due.pdf", "tre.pdf", "quattro.pdf"].map(admitted);

    const draft = await getFormDraft(actor, draftIdOf(await sendNewRequest(fields, files)), { purpose: "NUOVA_RICHIESTA" });

    expect(draft.errors).toEqual({
      text: ["Il testo deve contenere almeno 20 caratteri."],
      email: ["Indicare un indirizzo e-mail valido, ad esempio nome.cognome@example.it."],
      allegati: ["Si possono allegare al massimo 3 file."],
    });
    expect(draft.values).toEqual(Object.fromEntries(fields));
    expect(draft.files.map((file) => file.fileName)).toEqual(["uno.pdf", "due.pdf", "tre.pdf"]);
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
  });

  it("refuses a text over the limit with its count, keeping it whole", async () => {
    const text = `Inizio della richiesta. ${"Testo incollato. ".repeat(294)}Fine della richiesta.`.padEnd(5051, ".");
    expect(text).toHaveLength(5051);
    const fields: [string, string][] = [...typed().filter(([name]) => name !== "text"), ["text", text]];

    const draft = await getFormDraft(actor, draftIdOf(await sendNewRequest(fields, [admitted("estratto.pdf")])), {
      purpose: "NUOVA_RICHIESTA",
    });

    expect(draft.errors).toEqual({ text: ["Il testo è troppo lungo: 1.051 caratteri oltre il limite di 4.000."] });
    expect(draft.values.text).toBe(text);
    expect(draft.files.map((file) => file.fileName)).toEqual(["estratto.pdf"]);
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
  });

  it("refuses a NUL in the text with a message on the field, and keeps the text without it", async () => {
    const fields: [string, string][] = [
      ...typed().filter(([name]) => name !== "text"),
      ["text", "Chiedo la verifica\u0000 del versamento di marzo.\u001B"],
    ];

    const draft = await getFormDraft(actor, draftIdOf(await sendNewRequest(fields, [])), { purpose: "NUOVA_RICHIESTA" });

    expect(draft.errors).toEqual({ text: [CONTROL_CHARACTERS_MESSAGE] });
    expect(draft.values.text).toBe("Chiedo la verifica del versamento di marzo.");
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
  });

  it("takes the corrected form's values and the earlier draft's files still ticked", async () => {
    const first = typed();
    const storedBefore = (await storage.storedKeys()).length + 2;
    const earlier = draftIdOf(
      await sendNewRequest(
        [...first.filter(([name]) => name !== "text"), ["text", "Breve"]],
        [admitted("estratto.pdf"), admitted("vecchio.pdf")],
      ),
    );
    const earlierFiles = (await getFormDraft(actor, earlier, { purpose: "NUOVA_RICHIESTA" })).files;
    expect(earlierFiles.map((file) => file.fileName)).toEqual(["estratto.pdf", "vecchio.pdf"]);

    // The person unticks SMS and the second file, fixes the text, and adds a file too large.
    const corrected: [string, string][] = [...first.filter(([name]) => name !== "consentSms"), ["conservati", earlierFiles[0]?.key ?? ""]];
    const response = await sendNewRequest(corrected, [oversized], earlier);

    const draft = await getFormDraft(actor, draftIdOf(response), { purpose: "NUOVA_RICHIESTA" });
    expect(draft.values).toEqual(Object.fromEntries(corrected.filter(([name]) => name !== "conservati")));
    expect(draft.errors).toEqual({ allegati: ["Il file «scansione.pdf» supera il limite di 3 MB."] });
    expect(draft.files).toEqual(earlierFiles.slice(0, 1));
    await expect(getFormDraft(actor, earlier, { purpose: "NUOVA_RICHIESTA" })).rejects.toBeInstanceOf(NotFoundError);
    // The unticked file is deleted with the earlier draft.
    expect(await storage.storedKeys()).toHaveLength(storedBefore - 1);
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
  });

  it("keeps the earlier draft's values when a corrected form arrives with no field at all", async () => {
    const first: [string, string][] = [...typed().filter(([name]) => name !== "text"), ["text", "Breve"]];
    const earlier = draftIdOf(await sendNewRequest(first, [admitted("estratto.pdf")]));
    const url = `http://localhost/api/cassetto/richieste?posizione=${positionId}&bozza=${earlier}`;

    const response = await postRequest(new Request(url, { method: "POST", body: "text=Altro", headers: { "content-type": "text/plain" } }));

    const draft = await getFormDraft(actor, draftIdOf(response), { purpose: "NUOVA_RICHIESTA" });
    expect(draft.values).toEqual(Object.fromEntries(first));
    expect(draft.errors).toEqual({ allegati: ["I dati vanno inviati come modulo con allegati (multipart/form-data)."] });
    expect(draft.files.map((file) => file.fileName)).toEqual(["estratto.pdf"]);
  });

  it("saves the message whose file is refused as a draft of that request with its text and the admitted file", async () => {
    const { request } = await createQuesito({
      officeId: (await createOffice()).id,
      holder: { id: actor.personId, codiceFiscale: actor.codiceFiscale },
    });
    const messagesBefore = await prisma.message.count({ where: { requestId: request.id } });
    const text = "Allego la quietanza: il versamento è stato fatto il 16 marzo.";

    const response = await sendMessage(request.id, [["text", text]], [admitted("quietanza.pdf"), disguisedExecutable]);

    const draftId = draftIdOf(response);
    expect(response.headers.get("location")).toBe(`/cassetto/richieste/${request.id}?bozza=${draftId}#scrivi`);
    const draft = await getFormDraft(actor, draftId, { purpose: "MESSAGGIO_RICHIESTA", requestId: request.id });
    expect(draft.values).toEqual({ text });
    expect(draft.errors).toEqual({ allegati: [NOT_ADMITTED] });
    expect(draft.files.map((file) => file.fileName)).toEqual(["quietanza.pdf"]);
    expect(await prisma.message.count({ where: { requestId: request.id } })).toBe(messagesBefore);
  });

  it("refuses a message with a NUL, or over the limit, keeping its text", async () => {
    const { request } = await createQuesito({
      officeId: (await createOffice()).id,
      holder: { id: actor.personId, codiceFiscale: actor.codiceFiscale },
    });
    const scope = { purpose: "MESSAGGIO_RICHIESTA" as const, requestId: request.id };
    const messagesBefore = await prisma.message.count({ where: { requestId: request.id } });

    const withNul = await getFormDraft(actor, draftIdOf(await sendMessage(request.id, [["text", "Quietanza\u0000 allegata."]], [])), scope);
    expect(withNul.errors).toEqual({ text: [CONTROL_CHARACTERS_MESSAGE] });
    expect(withNul.values).toEqual({ text: "Quietanza allegata." });

    const long = "m".repeat(4002);
    const tooLong = await getFormDraft(actor, draftIdOf(await sendMessage(request.id, [["text", long]], [])), scope);
    expect(tooLong.errors).toEqual({ text: ["Il messaggio è troppo lungo: 2 caratteri oltre il limite di 4.000."] });
    expect(tooLong.values).toEqual({ text: long });
    expect(await prisma.message.count({ where: { requestId: request.id } })).toBe(messagesBefore);
  });

  function sendMessage(requestId: string, fields: [string, string][], files: FormFile[]) {
    return postMessage(formPost(`http://localhost/api/cassetto/richieste/${requestId}/messaggi`, fields, files), {
      params: Promise.resolve({ id: requestId }),
    });
  }
});
