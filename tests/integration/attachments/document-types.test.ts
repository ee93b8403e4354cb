import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectDocumentType } from "@/server/attachments/document-types";
import {
  compoundFileSample,
  docmSample,
  docxSample,
  elfSample,
  exeSample,
  gifSample,
  jpegSample,
  odtSample,
  p7mBerSample,
  p7mSample,
  pdfSample,
  plainZipSample,
  pngSample,
  xlsxSample,
} from "./samples";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "cb-detect-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function detect(content: Uint8Array, fileName: string) {
  const filePath = path.join(folder, `${Math.random().toString(36).slice(2)}`);
  await writeFile(filePath, content);
  return (await detectDocumentType(filePath, fileName))?.mimeType ?? null;
}

describe("detectDocumentType", () => {
  it("recognises the admitted formats from their content, whatever the name", async () => {
    expect(await detect(pdfSample(), "documento.pdf")).toBe("application/pdf");
    expect(await detect(pngSample(), "scansione.pdf")).toBe("image/png");
    expect(await detect(jpegSample(), "foto")).toBe("image/jpeg");
    expect(await detect(gifSample(), "a.gif")).toBe("image/gif");
    expect(await detect(await docxSample(), "lettera.docx")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(await detect(await xlsxSample(), "conti.xlsx")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(await detect(await odtSample(), "testo.odt")).toBe("application/vnd.oasis.opendocument.text");
  });

  it("tells legacy Word and Excel from other compound files by the streams inside", async () => {
    expect(await detect(compoundFileSample(["WordDocument", "1Table"]), "vecchio.doc")).toBe("application/msword");
    expect(await detect(compoundFileSample(["Workbook"]), "vecchio.xls")).toBe("application/vnd.ms-excel");
    expect(await detect(compoundFileSample(["PowerPoint Document"]), "vecchio.ppt")).toBe("application/vnd.ms-powerpoint");
    // An installer (.msi) is a compound file too, with none of those streams.
    expect(await detect(compoundFileSample(["\u4840\u3f3f\u4577"]), "setup.doc")).toBeNull();
    expect(await detect(compoundFileSample(["WordDocument", "Macros"]), "macro.doc")).toBeNull();
    expect(await detect(compoundFileSample(["WordDocument"], { cyclicDirectory: true }), "rotto.doc")).toBeNull();
    expect(await detect(compoundFileSample(["WordDocument"]).subarray(0, 700), "troncato.doc")).toBeNull();
  });

  it("accepts PKCS#7 signed files in DER and BER", async () => {
    expect(await detect(p7mSample(), "contratto.pdf.p7m")).toBe("application/pkcs7-mime");
    expect(await detect(p7mBerSample(), "contratto.pdf.p7m")).toBe("application/pkcs7-mime");
  });

  it("accepts plain text only under a text name", async () => {
    expect(await detect(Buffer.from("Nome;Importo\r\nRossi;100\r\n"), "dati.csv")).toBe("text/csv");
    expect(await detect(Buffer.from("Perché la rata è già pagata.\n"), "nota.txt")).toBe("text/plain");
    expect(await detect(Buffer.from("Perch\xe9 la rata \xe8 gi\xe0 pagata.\n", "latin1"), "nota.TXT")).toBe("text/plain");
    expect(await detect(Buffer.from("#!/bin/sh\nrm -rf /\n"), "script.pdf")).toBeNull();
    expect(await detect(Buffer.from("ciao\0mondo"), "binario.txt")).toBeNull();
    expect(await detect(Buffer.from("ciao mondo", "utf16le"), "utf16.txt")).toBeNull();
  });

  it("refuses executables and other formats, however they are named", async () => {
    expect(await detect(exeSample(), "fattura.pdf")).toBeNull();
    expect(await detect(elfSample(), "fattura.pdf")).toBeNull();
    expect(await detect(await docmSample(), "lettera.docx")).toBeNull();
    expect(await detect(await plainZipSample(), "archivio.zip")).toBeNull();
    expect(await detect(Buffer.from([0x30, 0x82, 0x01, 0x00, 0x06, 0x03, 0x55, 0x04, 0x03]), "cert.p7m")).toBeNull();
  });
});
