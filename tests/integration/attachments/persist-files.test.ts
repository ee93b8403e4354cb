import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LocalFileStorage, newStorageKey } from "@/server/attachments/file-storage";
import { messageFilesData, persistFiles, uniqueEntryNames } from "@/server/attachments/persist-files";
import { prisma } from "@/server/db/client";
import { filesUnder, stageFile, useTemporaryStorage, type TemporaryStorage } from "../../support/request-files";
import { createRequestRecord } from "./records";
import { pdfSample, pngSample, readZip, sha256 } from "./samples";

let work: TemporaryStorage;
beforeAll(async () => {
  work = await useTemporaryStorage();
});
afterAll(async () => {
  await work.dispose();
});

describe("LocalFileStorage", () => {
  let storage: LocalFileStorage;
  beforeEach(() => {
    storage = new LocalFileStorage(path.join(work.root, "storage-unit"));
  });

  it("stores a copy under the key, reads it back and removes it", async () => {
    const source = path.join(work.root, "tmp", "origine.txt");
    await writeFile(source, "contenuto");
    const key = newStorageKey("attachments");
    await storage.put(key, source);
    expect(await text(await storage.open(key))).toBe("contenuto");
    expect(await readFile(source, "utf8")).toBe("contenuto");
    await storage.remove(key);
    await storage.remove(key);
    await expect(storage.open(key)).rejects.toThrow(/ENOENT/);
  });

  it("generates random keys that do not carry the file's name", () => {
    const key = newStorageKey("attachments");
    expect(key).toMatch(/^attachments\/[0-9a-f-]{36}$/);
    expect(newStorageKey("attachments")).not.toBe(key);
  });

  it("refuses keys that could leave its folder", async () => {
    const source = path.join(work.root, "tmp", "origine.txt");
    await writeFile(source, "x");
    for (const key of ["../fuori", "/etc/passwd", "a/../../b", ".nascosto", "a//b", "A/B", "a\\..\\b", ""]) {
      await expect(storage.put(key, source), key).rejects.toThrow(/Chiave di archiviazione non valida/);
      await expect(storage.open(key), key).rejects.toThrow(/Chiave di archiviazione non valida/);
    }
    expect(await filesUnder(path.join(work.root, "storage-unit"))).toEqual([]);
  });

  it("leaves nothing under the key when the write fails", async () => {
    await expect(storage.put("attachments/mancante", path.join(work.root, "non-esiste"))).rejects.toThrow(/ENOENT/);
    expect(await filesUnder(path.join(work.root, "storage-unit"))).toEqual([]);
  });
});

describe("persistFiles", () => {
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
      expect(await readFile(path.join(work.filesRoot, attachment.storageKey))).toEqual(await readFile(files[index]!.tempPath));
    }
    const bundle = persisted.bundle;
    expect(bundle?.key).toMatch(/^bundles\/[0-9a-f-]{36}$/);
    const zip = await readFile(path.join(work.filesRoot, bundle!.key));
    expect(bundle).toMatchObject({ size: zip.length, sha256: sha256(zip) });
    expect(readZip(zip)).toEqual([
      { name: "Relazione.pdf", content: pdf },
      { name: "foto.png", content: png },
      { name: "relazione (2).PDF", content: pdf },
    ]);

    await persisted.discard();
    expect(await filesUnder(work.filesRoot)).toEqual([]);
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
    const before = await filesUnder(work.filesRoot);

    await expect(persistFiles([good, vanished])).rejects.toThrow(/ENOENT/);
    expect(await filesUnder(work.filesRoot)).toEqual(before);
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
      const before = await filesUnder(work.filesRoot);
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
      expect(await filesUnder(work.filesRoot)).toEqual(before);
    });
  });
});
