import { readFile } from "node:fs/promises";
import { describe, expect, it, vi } from "vitest";
import { DISCARD_LIMIT, receiveUpload, UploadRefusedError, type UploadLimits } from "@/server/attachments/receive-upload";
import { uploadMessages } from "@/server/attachments/upload-messages";
import { ValidationError } from "@/server/errors/domain-errors";
import { temporaryStorageForFile } from "../../support/request-files";
import { docxSample, exeSample, p7mSample, pdfSample, pngSample, sha256 } from "./samples";

const MB = 1024 * 1024;
const limits: UploadLimits = { maxFiles: 3, maxBytesPerFile: 3 * MB };
const NOT_ADMITTED =
  "non è un documento ammesso: sono accettati PDF, immagini, documenti di Office/OpenDocument, testo e file firmati .p7m.";

// The upload's temporary folders go under a folder of this file's own, so
// that "nothing left behind" can be checked exactly.
const storage = temporaryStorageForFile({ nothingLeftStaged: true });

function formRequest(form: FormData): Request {
  return new Request("http://localhost/api/prova", { method: "POST", body: form });
}

type FormFile = { content: Uint8Array; name: string; type?: string; field?: string };

function formWith(files: FormFile[], fields: [string, string][] = []) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const file of files) {
    const type = file.type ?? "application/octet-stream";
    form.append(file.field ?? "allegati", new File([new Uint8Array(file.content)], file.name, { type }));
  }
  return form;
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  return (await refusedUpload(promise)).fieldErrors;
}

/**
 * The error of a refused upload: a ValidationError that also hands back what
 * was received. Its staged files are released here, after noting their names.
 */
async function refusedUpload(promise: Promise<unknown>): Promise<UploadRefusedError & { fileNames: string[] }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toBeInstanceOf(UploadRefusedError);
  const refused = error as UploadRefusedError;
  const fileNames = refused.received.files.map((file) => file.fileName);
  await refused.received.discard();
  return Object.assign(refused, { fileNames });
}

describe("receiveUpload", () => {
  it("stages admitted files with content type, size and SHA-256, and the text fields", async () => {
    const pdf = pdfSample();
    const png = pngSample();
    const docx = await docxSample();
    const p7m = p7mSample();
    const form = formWith(
      [
        { content: pdf, name: "Relazione tecnica.pdf", type: "application/pdf" },
        { content: png, name: "scansione.png" },
        { content: docx, name: "lettera.docx" },
      ],
      [
        ["testo", "Invio la documentazione richiesta."],
        ["conservati", "a"],
        ["conservati", "b"],
      ],
    );
    const upload = await receiveUpload(formRequest(form), limits);
    try {
      expect(upload.fields).toEqual({ testo: "Invio la documentazione richiesta.", conservati: "a" });
      expect(upload.fieldValues.conservati).toEqual(["a", "b"]);
      expect(upload.files.map(({ fileName, mimeType, size, sha256 }) => ({ fileName, mimeType, size, sha256 }))).toEqual([
        { fileName: "Relazione tecnica.pdf", mimeType: "application/pdf", size: pdf.length, sha256: sha256(pdf) },
        { fileName: "scansione.png", mimeType: "image/png", size: png.length, sha256: sha256(png) },
        {
          fileName: "lettera.docx",
          mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          size: docx.length,
          sha256: sha256(docx),
        },
      ]);
      const first = upload.files[0];
      expect(first && (await readFile(first.tempPath))).toEqual(pdf);
      expect(first?.tempPath.startsWith(storage.stagingRoot)).toBe(true);
    } finally {
      await upload.discard();
    }

    const signed = await receiveUpload(
      formRequest(
        formWith([
          { content: p7m, name: "contratto.pdf.p7m" },
          { content: Buffer.from("Nome;Importo\nRossi;100\n"), name: "importi.csv", type: "text/csv" },
          { content: Buffer.from("Nota in testo semplice, àèìòù.\n"), name: "nota.txt", type: "text/plain" },
        ]),
      ),
      limits,
    );
    expect(signed.files.map((file) => [file.fileName, file.mimeType])).toEqual([
      ["contratto.pdf.p7m", "application/pkcs7-mime"],
      ["importi.csv", "text/csv"],
      ["nota.txt", "text/plain"],
    ]);
    await signed.discard();
  });

  it("names files safely: no folders, no control characters, an extension matching the content", async () => {
    const upload = await receiveUpload(
      formRequest(
        formWith([
          { content: pdfSample(), name: "..\\..\\windows\\fattura\u202Efdp.exe" },
          { content: pngSample(), name: `${"a".repeat(300)}.png` },
          { content: pngSample(), name: 'perizia è "finale".png' },
        ]),
      ),
      limits,
    );
    try {
      const [disguised, long, accented] = upload.files;
      expect(disguised?.fileName).toBe("fatturafdp.exe.pdf");
      expect(long?.fileName).toBe(`${"a".repeat(116)}.png`);
      expect(accented?.fileName).toBe("perizia è _finale_.png");
    } finally {
      await upload.discard();
    }
  });

  it("takes a form without files, and skips the empty part of a file input left blank", async () => {
    const form = new FormData();
    form.append("testo", "Nessun allegato.");
    form.append("allegati", new File([], "", { type: "application/octet-stream" }));
    const upload = await receiveUpload(formRequest(form), limits);
    expect(upload.files).toEqual([]);
    expect(upload.fields).toEqual({ testo: "Nessun allegato." });
    await upload.discard();
  });

  it("refuses more files than the gestione allows, keeping those within the limit", async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ content: pdfSample(), name: `documento-${i}.pdf` }));
    const error = await refusedUpload(receiveUpload(formRequest(formWith(files)), limits));
    expect(error.fieldErrors).toEqual({ allegati: ["Si possono allegare al massimo 3 file."] });
    expect(error.complete).toBe(true);
    expect(error.fileNames).toEqual(["documento-0.pdf", "documento-1.pdf", "documento-2.pdf"]);
  });

  it("takes the blank file input of a form where no file may be attached, and refuses any file there", async () => {
    const blank = new FormData();
    blank.append("testo", "Nessun allegato.");
    blank.append("allegati", new File([], "", { type: "application/octet-stream" }));
    const upload = await receiveUpload(formRequest(blank), { maxFiles: 0, maxBytesPerFile: MB });
    expect(upload.files).toEqual([]);
    expect(upload.fields).toEqual({ testo: "Nessun allegato." });
    await upload.discard();

    const withFile = formWith([{ content: pdfSample(), name: "a.pdf" }]);
    expect(await refusal(receiveUpload(formRequest(withFile), { maxFiles: 0, maxBytesPerFile: MB }))).toEqual({
      allegati: ["Non è possibile allegare file."],
    });
  });

  it("refuses a form with more fields, or longer field names, than any of ours has", async () => {
    const manyFields = formWith(
      [],
      Array.from({ length: 101 }, (_, i): [string, string] => [`campo${i}`, "x"]),
    );
    const longName = formWith([], [["x".repeat(101), "valore"]]);
    for (const form of [manyFields, longName]) {
      expect(await refusal(receiveUpload(formRequest(form), limits))).toEqual({
        allegati: ["Il modulo inviato è incompleto o non valido: riprovare."],
      });
    }
  });

  it("refuses a file over the limit, naming it, and keeps the others sent with it", async () => {
    const big = Buffer.concat([pdfSample(), Buffer.alloc(3 * MB)]);
    const form = formWith([
      { content: pdfSample(), name: "piccolo.pdf" },
      { content: big, name: "x.pdf" },
      { content: pngSample(), name: "dopo.png" },
    ]);
    const error = await refusedUpload(receiveUpload(formRequest(form), limits));
    expect(error.fieldErrors).toEqual({ allegati: ["Il file «x.pdf» supera il limite di 3 MB."] });
    expect(error.fileNames).toEqual(["piccolo.pdf", "dopo.png"]);
  });

  it("accepts a file of exactly the limit", async () => {
    const pdf = pdfSample();
    const exact = Buffer.concat([pdf, Buffer.alloc(MB - pdf.length, 0x20)]);
    const upload = await receiveUpload(formRequest(formWith([{ content: exact, name: "giusto.pdf" }])), {
      maxFiles: 1,
      maxBytesPerFile: MB,
    });
    expect(upload.files[0]?.size).toBe(MB);
    await upload.discard();
  });

  it("refuses an empty file", async () => {
    const form = formWith([{ content: new Uint8Array(), name: "vuoto.pdf" }]);
    expect(await refusal(receiveUpload(formRequest(form), limits))).toEqual({
      allegati: ["Il file «vuoto.pdf» è vuoto."],
    });
  });

  it("refuses an executable renamed .pdf, and an empty file, all at once, keeping the admitted file", async () => {
    const form = formWith([
      { content: pngSample(), name: "buono.png" },
      { content: exeSample(), name: "x.pdf", type: "application/pdf" },
      { content: new Uint8Array(), name: "vuoto.pdf" },
    ]);
    const error = await refusedUpload(receiveUpload(formRequest(form), limits));
    expect(error.fieldErrors).toEqual({ allegati: [`Il file «x.pdf» ${NOT_ADMITTED}`, "Il file «vuoto.pdf» è vuoto."] });
    expect(error.fileNames).toEqual(["buono.png"]);
  });

  it("hands back the text fields, those sent after the refused file too", async () => {
    const form = formWith(
      [
        { content: pngSample(), name: "buono.png" },
        { content: exeSample(), name: "x.pdf", type: "application/pdf" },
      ],
      [
        ["text", "Allego la ricevuta del versamento di marzo, già pagato."],
        ["email", "titolare@example.it"],
        ["conservati", "a"],
        ["conservati", "b"],
      ],
    );
    form.append("dopo", "scritto dopo i file");
    const error = await refusedUpload(receiveUpload(formRequest(form), limits));
    expect(error.fieldErrors).toEqual({ allegati: [`Il file «x.pdf» ${NOT_ADMITTED}`] });
    expect(error.fields).toEqual({
      text: "Allego la ricevuta del versamento di marzo, già pagato.",
      email: "titolare@example.it",
      conservati: "a",
      dopo: "scritto dopo i file",
    });
    expect(error.received.fieldValues.conservati).toEqual(["a", "b"]);
  });

  it("hands back no fields when the body is not a form at all", async () => {
    const json = new Request("http://localhost/api/prova", {
      method: "POST",
      body: JSON.stringify({ text: "Testo" }),
      headers: { "content-type": "application/json" },
    });
    expect((await refusedUpload(receiveUpload(json, limits))).fields).toEqual({});
  });

  it("refuses a file sent in another field", async () => {
    const form = formWith([{ content: pdfSample(), name: "a.pdf", field: "altro" }]);
    expect(await refusal(receiveUpload(formRequest(form), limits))).toEqual({
      allegati: ["Il modulo contiene un file in un campo non previsto."],
    });
  });

  it("ties the error to the form's own file field", async () => {
    const form = formWith([{ content: new Uint8Array(), name: "vuoto.pdf", field: "documenti" }]);
    expect(await refusal(receiveUpload(formRequest(form), { ...limits, fileField: "documenti" }))).toEqual({
      documenti: ["Il file «vuoto.pdf» è vuoto."],
    });
  });

  it("refuses a text field longer than any of our forms takes, naming that field", async () => {
    const form = formWith([{ content: pdfSample(), name: "a.pdf" }], [["testo", "x".repeat(64 * 1024 + 1)]]);
    const error = await refusedUpload(receiveUpload(formRequest(form), limits));
    expect(error.fieldErrors).toEqual({ testo: [uploadMessages.fieldTooLong] });
    expect(error.complete).toBe(false);
  });

  it("refuses a request that is not a multipart form", async () => {
    const json = new Request("http://localhost/api/prova", {
      method: "POST",
      body: JSON.stringify({ allegati: [] }),
      headers: { "content-type": "application/json" },
    });
    const urlEncoded = new Request("http://localhost/api/prova", { method: "POST", body: new URLSearchParams({ a: "b" }) });
    const noBoundary = new Request("http://localhost/api/prova", {
      method: "POST",
      body: "x",
      headers: { "content-type": "multipart/form-data" },
    });
    for (const request of [json, urlEncoded, noBoundary]) {
      expect(await refusal(receiveUpload(request, limits))).toEqual({
        allegati: ["I dati vanno inviati come modulo con allegati (multipart/form-data)."],
      });
    }
  });

  it("refuses a body cut short", async () => {
    const boundary = "----confine";
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="allegati"; filename="a.pdf"\r\n` +
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4 troncato";
    const request = new Request("http://localhost/api/prova", {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(await refusal(receiveUpload(request, limits))).toEqual({
      allegati: ["Il modulo inviato è incompleto o non valido: riprovare."],
    });
  });

  const BOUNDARY = "----lento";

  function filePartHeader(fileName: string): string {
    return (
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="allegati"; filename="${fileName}"\r\n` +
      "Content-Type: application/pdf\r\n\r\n"
    );
  }

  /**
   * A multipart body that starts with `prefix` and goes on with `total` bytes
   * of content, one chunk per turn of the event loop as from a network,
   * counting what the parser pulls, then ends with `suffix` if given.
   */
  function pacedRequest(prefix: Uint8Array, total: number, suffix?: string) {
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const progress = { pulled: 0, pulledAtRefusal: -1, finished: false, cancelled: false };
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(prefix);
      },
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        if (progress.pulled >= total) {
          if (suffix) controller.enqueue(new TextEncoder().encode(suffix));
          progress.finished = true;
          return controller.close();
        }
        progress.pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        progress.cancelled = true;
      },
    });
    const request = new Request("http://localhost/api/prova", {
      method: "POST",
      body: stream,
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      duplex: "half",
    } as RequestInit);
    return { request, progress };
  }

  function fieldPart(name: string, value: string): string {
    return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }

  function oversizedRequest(total: number) {
    return pacedRequest(new TextEncoder().encode(`${filePartHeader("enorme.pdf")}%PDF-1.4\n`), total);
  }

  /** What a form of at most 3 files of 1 MB may weigh: past it the upload stops. */
  const pacedLimits = { maxFiles: 3, maxBytesPerFile: MB };
  const bodyCap = 3 * MB + MB;

  async function stoppedAtTheCap(request: Request, progress: { pulled: number; pulledAtRefusal: number }) {
    const refused = receiveUpload(request, pacedLimits).finally(() => {
      progress.pulledAtRefusal = progress.pulled;
    });
    const error = await refusedUpload(refused);
    expect(error.fieldErrors).toEqual({
      allegati: ["Il file «enorme.pdf» supera il limite di 1 MB.", uploadMessages.formTooLarge(bodyCap)],
    });
    expect(error.complete).toBe(false);
    // The stop comes with the cap plus what the streams buffer ahead, not with the whole body.
    expect(progress.pulledAtRefusal).toBeGreaterThan(bodyCap - 128 * 1024);
    expect(progress.pulledAtRefusal).toBeLessThan(bodyCap + MB);
    return error;
  }

  it("reads on past a disguised file, and keeps the file after it", async () => {
    const prefix = Buffer.concat([
      Buffer.from(filePartHeader("x.pdf")),
      exeSample(),
      Buffer.from(`\r\n${filePartHeader("grande.pdf")}%PDF-1.4\n`),
    ]);
    const { request, progress } = pacedRequest(prefix, 2 * MB, `\r\n--${BOUNDARY}--\r\n`);

    const error = await refusedUpload(receiveUpload(request, { maxFiles: 3, maxBytesPerFile: 16 * MB }));

    expect(error.fieldErrors).toEqual({ allegati: [`Il file «x.pdf» ${NOT_ADMITTED}`] });
    expect(error.fileNames).toEqual(["grande.pdf"]);
    expect(progress.finished).toBe(true);
  });

  it("stops an oversized file's body at what the form's files could weigh, then throws the rest away so the sender gets the answer", async () => {
    const { request, progress } = oversizedRequest(8 * MB);

    await stoppedAtTheCap(request, progress);

    await vi.waitFor(() => expect(progress.finished).toBe(true), { timeout: 10_000, interval: 10 });
    expect(progress.cancelled).toBe(false);
  });

  it("hands back the text typed before an oversized body, and still throws the rest of the body away", async () => {
    const prefix = `${fieldPart("body", "La pratica è stata verificata: nessun importo è dovuto.")}${filePartHeader("enorme.pdf")}%PDF-1.4\n`;
    const { request, progress } = pacedRequest(new TextEncoder().encode(prefix), 8 * MB);

    const error = await stoppedAtTheCap(request, progress);

    expect(error.fields).toEqual({ body: "La pratica è stata verificata: nessun importo è dovuto." });
    await vi.waitFor(() => expect(progress.finished).toBe(true), { timeout: 10_000, interval: 10 });
    expect(progress.cancelled).toBe(false);
  });

  it("stops a text field far over its limit as its bytes arrive, not at its end", async () => {
    const prefix = `${fieldPart("email", "titolare@example.it")}--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\n`;
    const { request, progress } = pacedRequest(new TextEncoder().encode(prefix), 1024 * MB);

    const refused = receiveUpload(request, pacedLimits).finally(() => {
      progress.pulledAtRefusal = progress.pulled;
    });
    const error = await refusedUpload(refused);

    expect(error.fieldErrors).toEqual({ form: [uploadMessages.fieldTooLong] });
    expect(error.fields).toEqual({ email: "titolare@example.it" });
    expect(progress.pulledAtRefusal).toBeLessThan(MB);
  });

  it("closes the connection of a body too big even to throw away", async () => {
    const { request, progress } = oversizedRequest(DISCARD_LIMIT + 32 * MB);

    await stoppedAtTheCap(request, progress);

    await vi.waitFor(() => expect(progress.cancelled).toBe(true), { timeout: 20_000, interval: 10 });
    expect(progress.finished).toBe(false);
    expect(progress.pulled).toBeLessThan(bodyCap + DISCARD_LIMIT + 2 * MB);
  });
});
