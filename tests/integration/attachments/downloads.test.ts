import { randomUUID } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { getAttachmentDownload, type FileDownload } from "@/server/attachments/get-attachment-download";
import { getMessageBundleDownload } from "@/server/attachments/get-bundle-download";
import { NotFoundError } from "@/server/errors/domain-errors";
import { createDelegation, createOffice, createPerson } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { stageFile, STORAGE_BACKENDS, temporaryStorageForFile } from "../../support/request-files";
import { createMessageWithFiles, createRequestRecord } from "./records";
import { pdfSample, pngSample, readZip } from "./samples";

const now = new Date("2026-06-15T10:00:00Z");

async function contentOf(download: Promise<FileDownload>): Promise<Buffer> {
  return buffer((await download).stream);
}

/** A request of the holder's position, its quesito at the office, a public message and an internal note, each with files. */
async function scenario() {
  const { office, holder, position, request } = await createRequestRecord();
  const otherOffice = await createOffice();
  const operator = await operatorActor(office.id);
  const publicMessage = await createMessageWithFiles({
    requestId: request.id,
    authorPersonId: holder.id,
    files: [
      await stageFile(pdfSample(), "Relazione è finale.pdf", "application/pdf"),
      await stageFile(pngSample(), "foto.png", "image/png"),
    ],
  });
  const internalNote = await createMessageWithFiles({
    requestId: request.id,
    visibility: "INTERNO",
    authorOperatorId: operator.operatorId,
    files: [await stageFile(pngSample(), "appunto-interno.png", "image/png")],
  });
  const pdf = publicMessage.attachments.find((attachment) => attachment.fileName.endsWith(".pdf"));
  const note = internalNote.attachments[0];
  if (!pdf || !note) throw new Error("scenario without files");
  return { office, otherOffice, holder, position, request, operator, publicMessage, internalNote, pdf, note };
}

describe.each(STORAGE_BACKENDS)("downloads from the %s storage", (backend) => {
  temporaryStorageForFile({ backend });

  describe("getAttachmentDownload", () => {
    it("gives the request's contributor the file as it was received", async () => {
      const { holder, pdf } = await scenario();

      const download = await getAttachmentDownload(contributorActor(holder), pdf.id, now);

      expect(download).toMatchObject({ fileName: "Relazione è finale.pdf", mimeType: "application/pdf", size: pdfSample().length });
      expect(await buffer(download.stream)).toEqual(pdfSample());
    });

    it("is not found for another contributor", async () => {
      const { pdf } = await scenario();
      const stranger = await createPerson("Estraneo");

      await expect(getAttachmentDownload(contributorActor(stranger), pdf.id, now)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("follows the intermediary's delegation: found while active, not found once ended", async () => {
      const { holder, position, pdf } = await scenario();
      const active = await createPerson("Intermediario attivo");
      const ended = await createPerson("Intermediario scaduto");
      await createDelegation({ holderId: holder.id, delegateId: active.id, positionIds: [position.id] });
      await createDelegation({
        holderId: holder.id,
        delegateId: ended.id,
        positionIds: [position.id],
        validTo: new Date("2026-06-01T00:00:00Z"),
      });

      expect(await contentOf(getAttachmentDownload(contributorActor(active, "INTERMEDIARIO"), pdf.id, now))).toEqual(pdfSample());
      await expect(getAttachmentDownload(contributorActor(ended, "INTERMEDIARIO"), pdf.id, now)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("gives the file to an operator of the office holding the quesito, and to no other office", async () => {
      const { otherOffice, operator, pdf } = await scenario();

      expect(await contentOf(getAttachmentDownload(operator, pdf.id, now))).toEqual(pdfSample());
      await expect(getAttachmentDownload(await operatorActor(otherOffice.id), pdf.id, now)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("never gives a contributor the files of an internal note", async () => {
      const { holder, operator, note } = await scenario();

      await expect(getAttachmentDownload(contributorActor(holder), note.id, now)).rejects.toBeInstanceOf(NotFoundError);
      expect(await contentOf(getAttachmentDownload(operator, note.id, now))).toEqual(pngSample());
    });

    it("is not found for ids that name nothing", async () => {
      const { holder } = await scenario();

      for (const id of [randomUUID(), "non-un-id", "../../etc/passwd", ""]) {
        await expect(getAttachmentDownload(contributorActor(holder), id, now), id).rejects.toBeInstanceOf(NotFoundError);
      }
    });
  });

  describe("getMessageBundleDownload", () => {
    it("gives the office the zip of all the message's files, named after the protocol number", async () => {
      const { operator, publicMessage, request } = await scenario();

      const download = await getMessageBundleDownload(operator, publicMessage.id, now);

      expect(download.mimeType).toBe("application/zip");
      expect(download.fileName).toMatch(/^allegati-INPS\.9999\.22-11-2026\.\d{7}-[0-9a-f]{8}-\d{8}T\d{6}Z\.zip$/);
      expect(download.fileName).toContain(request.protocolNumber.replace(/\//g, "-"));
      const zip = await buffer(download.stream);
      expect(zip.length).toBe(download.size);
      expect(readZip(zip)).toEqual([
        { name: "Relazione è finale.pdf", content: pdfSample() },
        { name: "foto.png", content: pngSample() },
      ]);
    });

    it("does not exist for contributors, even the request's own", async () => {
      const { holder, publicMessage } = await scenario();

      await expect(getMessageBundleDownload(contributorActor(holder), publicMessage.id, now)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("is not found for a message without files or an unknown id", async () => {
      const { operator, request, holder } = await scenario();
      const withoutFiles = await createMessageWithFiles({ requestId: request.id, authorPersonId: holder.id, files: [] });

      await expect(getMessageBundleDownload(operator, withoutFiles.id, now)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMessageBundleDownload(operator, randomUUID(), now)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMessageBundleDownload(operator, "archivio", now)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("is not found for an operator of another office", async () => {
      const { otherOffice, publicMessage } = await scenario();

      await expect(getMessageBundleDownload(await operatorActor(otherOffice.id), publicMessage.id, now)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
});
