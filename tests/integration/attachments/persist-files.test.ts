import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buffer, text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { fileStorageFor, type FileStorage } from "@/server/attachments/file-storage";
import { messageFilesData, persistFiles, uniqueEntryNames } from "@/server/attachments/persist-files";
import { newStorageKey } from "@/server/attachments/storage-keys";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { stageFile, STORAGE_BACKENDS, temporaryStorageForFile } from "../../support/request-files";
import { createRequestRecord } from "./records";
import { pdfSample, pngSample, readZip, sha256 } from "./samples";

it("generates random keys that do not carry the file's name", () => {
  const key = newStorageKey("attachments");
  expect(key).toMatch(/^attachments\/[0-9a-f-]{36}$/);
  expect(newStorageKey("attachments")).not.toBe(key);
});

it("gives zip entries distinct names, ignoring case", () => {
  expect(uniqueEntryNames(["a.pdf", "A.pdf", "a.pdf", "b", "b", "a (2).pdf"])).toEqual([
    "a.pdf",
    "A (2).pdf",
    "a (3).pdf",
    "b",
    "b (2)",
    "a (2) (2).pdf",
  ]);
});

describe.each(STORAGE_BACKENDS)("the file storage (%s)", (backend) => {
  const work = temporaryStorageForFile({ backend });
  const storage = (): FileStorage => fileStorageFor(parseConfig(process.env));
  const source = async (content: string | Buffer) => {
    const file = path.join(work.root, "tmp", randomUUID());
    await writeFile(file, content);
    return file;
  };

  it("stores a copy under the key, reads it back and removes it", async () => {
    const origin = await source("contenuto");
    const key = newStorageKey("attachments");
    await storage().put(key, origin);
    expect(await work.storedKeys()).toEqual([key]);
    expect(await text(await storage().open(key))).toBe("contenuto");
    expect(await readFile(origin, "utf8")).toBe("contenuto");
    expect(await storage().remove(key)).toBe(true);
    expect(await storage().remove(key)).toBe(false);
    await expect(storage().open(key)).rejects.toThrow();
    expect(await work.storedKeys()).toEqual([]);
  });

  it("streams a large file both ways unchanged", async () => {
    // 24 MB of varied bytes: past any single buffer of the client or the server.
    const content = Buffer.alloc(24 * 1024 * 1024);
    for (let offset = 0; offset < content.length; offset += 4) content.writeUInt32LE((offset * 2654435761) >>> 0, offset);
    const origin = await source(content);
    const key = newStorageKey("bundles");
    await storage().put(key, origin);
    const stream = await storage().open(key);
    expect(sha256(await buffer(stream))).toBe(sha256(await buffer(createReadStream(origin))));
    await storage().remove(key);
  });

  it("refuses keys that could leave its folder or that it did not make", async () => {
    const origin = await source("x");
    for (const key of ["../fuori", "/etc/passwd", "a/../../b", ".nascosto", "a//b", "A/B", "a\\..\\b", ""]) {
      await expect(storage().put(key, origin), key).rejects.toThrow(/Chiave di archiviazione non valida/);
      await expect(storage().open(key), key).rejects.toThrow(/Chiave di archiviazione non valida/);
      await expect(storage().remove(key), key).rejects.toThrow(/Chiave di archiviazione non valida/);
    }
    expect(await work.storedKeys()).toEqual([]);
  });

  it("leaves nothing under the key when the write fails", async () => {
    await expect(storage().put("attachments/mancante", path.join(work.root, "non-esiste"))).rejects.toThrow(/ENOENT/);
    expect(await work.storedKeys()).toEqual([]);
  });

  it("answers readiness: writable, leaving nothing behind", async () => {
    await storage().checkWritable();
    expect(await work.storedKeys()).toEqual([]);
  });
});

describe.each(STORAGE_BACKENDS)("persistFiles (storage: %s)", (backend) => {
  const work = temporaryStorageForFile({ backend });

  it("stores each file and one zip of all of them", async () => {
    const pdf = pdfSample();
    const png = pngSample();
    const files = [
      await stageFile(pdf, "Relazione.pdf", "application/pdf"),
      await stageFile(png, "foto.png", "image/png"),
      await stageFile(pdf, "relazione.PDF", "application/pdf"),
    ];

    const persisted = await persistFiles(files);

    expect(persisted.attachments.map(({ storageKey: _key, ...rest }) => rest)).toEqual(files.map(({ tempPath: _path, ...rest }) => rest));
    for (const [index, attachment] of persisted.attachments.entries()) {
      expect(attachment.storageKey).toMatch(/^attachments\/[0-9a-f-]{36}$/);
      expect(await work.read(attachment.storageKey)).toEqual(await readFile(files[index]!.tempPath));
    }
    const bundle = persisted.bundle;
    expect(bundle?.key).toMatch(/^bundles\/[0-9a-f-]{36}$/);
    const zip = await work.read(bundle!.key);
    expect(bundle).toMatchObject({ size: zip.length, sha256: sha256(zip) });
    expect(readZip(zip)).toEqual([
      { name: "Relazione.pdf", content: pdf },
      { name: "foto.png", content: png },
      { name: "relazione (2).PDF", content: pdf },
    ]);

    await persisted.discard();
    expect(await work.storedKeys()).toEqual([]);
  });

  it("has nothing to store for a message without files", async () => {
    const persisted = await persistFiles([]);
    expect(persisted.attachments).toEqual([]);
    expect(persisted.bundle).toBeNull();
    expect(messageFilesData(persisted)).toEqual({
      bundleKey: null,
      bundleSize: null,
      bundleSha256: null,
      attachments: { create: [] },
    });
  });

  it("removes what it had stored when a write fails", async () => {
    const good = await stageFile(pdfSample(), "buono.pdf", "application/pdf");
    const vanished = await stageFile(pngSample(), "sparito.png", "image/png");
    await rm(vanished.tempPath);
    const before = await work.storedKeys();

    await expect(persistFiles([good, vanished])).rejects.toThrow(/ENOENT/);
    expect(await work.storedKeys()).toEqual(before);
  });

  describe("with the message's transaction", () => {
    it("writes the message, its attachments and its bundle together", async () => {
      const { holder, request } = await createRequestRecord();
      const persisted = await persistFiles([await stageFile(pdfSample(), "a.pdf", "application/pdf")]);

      const message = await prisma.$transaction((tx) =>
        tx.message.create({
          data: { requestId: request.id, body: "Con allegato.", authorPersonId: holder.id, ...messageFilesData(persisted) },
          include: { attachments: true },
        }),
      );

      expect(message.bundleKey).toBe(persisted.bundle?.key);
      expect(message.bundleSha256).toBe(persisted.bundle?.sha256);
      expect(
        message.attachments.map(({ fileName, mimeType, size, sha256, storageKey }) => ({
          fileName,
          mimeType,
          size,
          sha256,
          storageKey,
        })),
      ).toEqual(persisted.attachments);
    });

    it("leaves neither rows nor files when the transaction fails and the caller discards", async () => {
      const { holder, request } = await createRequestRecord();
      const before = await work.storedKeys();
      const persisted = await persistFiles([await stageFile(pngSample(), "b.png", "image/png")]);

      const attempt = async () => {
        try {
          await prisma.$transaction(async (tx) => {
            await tx.message.create({
              data: { requestId: request.id, body: "Fallirà.", authorPersonId: holder.id, ...messageFilesData(persisted) },
            });
            throw new Error("guasto dopo la scrittura");
          });
        } catch (error) {
          await persisted.discard();
          throw error;
        }
      };

      await expect(attempt()).rejects.toThrow("guasto dopo la scrittura");
      expect(await prisma.message.count({ where: { requestId: request.id } })).toBe(0);
      expect(await prisma.attachment.count({ where: { storageKey: persisted.attachments[0]?.storageKey } })).toBe(0);
      expect(await work.storedKeys()).toEqual(before);
    });
  });
});
