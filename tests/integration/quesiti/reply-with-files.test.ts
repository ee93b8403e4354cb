import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { receiveUpload } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { getReplyUploadLimits } from "@/server/quesiti/get-reply-upload-limits";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { createTakenQuesito } from "../../support/quesito-fixtures";
import { useTemporaryStorage, type TemporaryStorage } from "../../support/request-files";
import { pdfSample, sha256 } from "../attachments/samples";

let storage: TemporaryStorage;
beforeAll(async () => {
  storage = await useTemporaryStorage();
});
afterAll(async () => {
  await storage.dispose();
});

const storedFiles = () => storage.storedKeys();

/** A reply form as the browser posts it, through the attachments module; its staged files are released after the test. */
async function uploadedReply(operator: OperatorActor, quesitoId: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("allegati", new File([new Uint8Array(pdfSample())], "risposta.pdf", { type: "application/pdf" }));
  const upload = await receiveUpload(
    new Request("http://localhost/risposta", { method: "POST", body: form }),
    await getReplyUploadLimits(operator, quesitoId),
  );
  onTestFinished(() => upload.discard());
  return { fields: upload.fields, files: upload.files };
}

describe("replyToQuesito with files", () => {
  let operator: OperatorActor;
  let quesitoId: string;
  let requestId: string;

  beforeEach(async () => {
    ({ operator, quesitoId, requestId } = await createTakenQuesito());
  });

  it("stores the message with its attachments and bundle in the reply's transaction", async () => {
    const { fields, files } = await uploadedReply(operator, quesitoId, { expectedVersion: "1", body: "In allegato il prospetto." });

    await replyToQuesito(operator, quesitoId, fields, files);

    const message = await prisma.message.findFirstOrThrow({
      where: { requestId, authorOperatorId: { not: null } },
      include: { attachments: true },
    });
    expect(message.bundleKey).not.toBeNull();
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ fileName: "risposta.pdf", mimeType: "application/pdf", sha256: sha256(pdfSample()) });
    const stored = await readFile(path.join(storage.filesRoot, message.attachments[0]?.storageKey ?? ""));
    expect(sha256(stored)).toBe(sha256(pdfSample()));
    const detail = await getQuesito(operator, quesitoId, "/fascicolo/quesiti");
    expect(detail.messages[1]).toMatchObject({ bundleAvailable: true, attachments: [{ fileName: "risposta.pdf" }] });
  });

  it("discards the stored files when the reply is refused", async () => {
    await closeQuesito(operator, quesitoId, { expectedVersion: 1, esito: "RISPOSTA_FORNITA", comment: "Chiarito al telefono" });
    const before = await storedFiles();
    const { fields, files } = await uploadedReply(operator, quesitoId, { expectedVersion: "2", body: "Tardiva" });

    await expect(replyToQuesito(operator, quesitoId, fields, files)).rejects.toThrow(/^La richiesta è chiusa/);

    expect(await storedFiles()).toEqual(before);
    expect(await prisma.message.count({ where: { requestId, authorOperatorId: { not: null } } })).toBe(0);
  });

  it("discards the stored files when the text is invalid", async () => {
    const before = await storedFiles();
    const { fields, files } = await uploadedReply(operator, quesitoId, { expectedVersion: "1", body: "   " });
    await expect(replyToQuesito(operator, quesitoId, fields, files)).rejects.toThrow(ValidationError);
    expect(await storedFiles()).toEqual(before);
  });

  it("uses the limits of the position's gestione", async () => {
    const settings = await prisma.gestioneSettings.findFirstOrThrow();
    expect(await getReplyUploadLimits(operator, quesitoId)).toEqual({
      maxFiles: settings.maxFiles,
      maxBytesPerFile: settings.maxBytesPerFile,
    });
  });
});
