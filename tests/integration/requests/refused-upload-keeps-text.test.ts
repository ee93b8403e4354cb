import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { getContributorResolution } from "@/server/identity/session";
import { getFormDraft } from "@/server/requests/get-form-draft";
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

  it("saves the first Nuova richiesta whose file is refused as a draft with the values and the file's error", async () => {
    const fields = typed();

    const response = await sendNewRequest(fields, [admitted("estratto.pdf"), disguisedExecutable]);

    const draftId = draftIdOf(response);
    expect(response.headers.get("location")).toBe(
      `/cassetto/richieste/nuova?posizione=${positionId}&bozza=${draftId}#riepilogo-errori`,
    );
    const draft = await getFormDraft(actor, draftId, { purpose: "NUOVA_RICHIESTA" });
    expect(draft.values).toEqual(Object.fromEntries(fields));
    expect(draft.errors).toEqual({ allegati: [NOT_ADMITTED] });
    // The file admitted before the refusal was staged and is gone with the rest of the upload.
    expect(draft.files).toEqual([]);
    expect(await storage.storedKeys()).toEqual([]);
    expect(await prisma.request.count({ where: { positionId } })).toBe(0);
  });

  it("takes the corrected form's values and keeps the earlier draft's files as they were", async () => {
    const first = typed();
    const earlier = draftIdOf(await sendNewRequest([...first.filter(([name]) => name !== "text"), ["text", "Breve"]], [admitted("estratto.pdf")]));
    const earlierFiles = (await getFormDraft(actor, earlier, { purpose: "NUOVA_RICHIESTA" })).files;
    expect(earlierFiles.map((file) => file.fileName)).toEqual(["estratto.pdf"]);

    // The person unticks SMS, fixes the text, keeps no file ticked, and adds a file too large.
    const corrected = first.filter(([name]) => name !== "consentSms");
    const response = await sendNewRequest(corrected, [oversized], earlier);

    const draft = await getFormDraft(actor, draftIdOf(response), { purpose: "NUOVA_RICHIESTA" });
    expect(draft.values).toEqual(Object.fromEntries(corrected));
    expect(draft.errors).toEqual({ allegati: ["Il file «scansione.pdf» supera il limite di 3 MB."] });
    expect(draft.files).toEqual(earlierFiles);
    await expect(getFormDraft(actor, earlier, { purpose: "NUOVA_RICHIESTA" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await storage.storedKeys()).toHaveLength(1);
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

  it("saves the message whose file is refused as a draft of that request with its text", async () => {
    const { request } = await createQuesito({ officeId: (await createOffice()).id, holder: { id: actor.personId, codiceFiscale: actor.codiceFiscale } });
    const messagesBefore = await prisma.message.count({ where: { requestId: request.id } });
    const text = "Allego la quietanza: il versamento è stato fatto il 16 marzo.";

    const response = await postMessage(
      formPost(`http://localhost/api/cassetto/richieste/${request.id}/messaggi`, [["text", text]], [disguisedExecutable]),
      { params: Promise.resolve({ id: request.id }) },
    );

    const draftId = draftIdOf(response);
    expect(response.headers.get("location")).toBe(`/cassetto/richieste/${request.id}?bozza=${draftId}#scrivi`);
    const draft = await getFormDraft(actor, draftId, { purpose: "MESSAGGIO_RICHIESTA", requestId: request.id });
    expect(draft.values).toEqual({ text });
    expect(draft.errors).toEqual({ allegati: [NOT_ADMITTED] });
    expect(await prisma.message.count({ where: { requestId: request.id } })).toBe(messagesBefore);
  });
});
