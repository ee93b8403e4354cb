import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { StagedFile } from "@/server/attachments/receive-upload";

/**
 * Files for the services' tests: staged the way receiveUpload leaves them,
 * and a private storage folder (DATA_DIR) whose content can be listed.
 */

const PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

export type TemporaryStorage = {
  /** The test file's own folder: DATA_DIR is `data` inside it, TMPDIR `tmp`. */
  root: string;
  /** Where the file storage keeps its files (keys are paths below it). */
  filesRoot: string;
  /** `DATA_DIR/staging`: where uploads are staged while they arrive. */
  stagingRoot: string;
  /** The keys of the stored files, sorted. */
  storedKeys(): Promise<string[]>;
  /** Points DATA_DIR and TMPDIR back and removes the folder. */
  dispose(): Promise<void>;
};

/** Every regular file under `root`, as paths relative to it, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Points the file storage (DATA_DIR) and the temporary files (TMPDIR) of this
 * test file at a fresh folder of its own, so that everything it writes can be
 * listed and is removed at the end. Call it in `beforeAll`, dispose in `afterAll`.
 */
export async function useTemporaryStorage(): Promise<TemporaryStorage> {
  const previous = { DATA_DIR: process.env.DATA_DIR, TMPDIR: process.env.TMPDIR };
  const root = await mkdtemp(path.join(tmpdir(), "cb-test-files-"));
  const filesRoot = path.join(root, "data", "files");
  const stagingRoot = path.join(root, "data", "staging");
  process.env.DATA_DIR = path.join(root, "data");
  process.env.TMPDIR = path.join(root, "tmp");
  await mkdir(stagingRoot, { recursive: true });
  await mkdir(process.env.TMPDIR, { recursive: true });
  return {
    root,
    filesRoot,
    stagingRoot,
    storedKeys: () => filesUnder(filesRoot),
    async dispose() {
      // A variable that was unset must be unset again, not the string "undefined".
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** `content` staged in its own temporary folder, as receiveUpload leaves an accepted file. */
export async function stageFile(content: Uint8Array, fileName: string, mimeType: string): Promise<StagedFile> {
  const folder = await mkdtemp(path.join(tmpdir(), "cb-staged-"));
  const tempPath = path.join(folder, randomUUID());
  await writeFile(tempPath, content);
  return {
    fileName,
    mimeType,
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    tempPath,
  };
}

/** A PDF of about `size` bytes, staged in its own temporary folder. */
export async function stagePdf(fileName = "documento.pdf", size = 200): Promise<StagedFile> {
  const content = Buffer.concat([Buffer.from(PDF, "latin1"), Buffer.alloc(Math.max(0, size - PDF.length), 0x20)]);
  return stageFile(content, fileName, "application/pdf");
}

/**
 * Registers this test file's own storage (`useTemporaryStorage`): made before
 * its tests, removed after them. With `nothingLeftStaged`, every test must
 * also leave no upload behind in the temporary folder. The returned storage
 * reads the current one, so it is usable inside the tests.
 */
export function temporaryStorageForFile(options: { nothingLeftStaged?: boolean } = {}): TemporaryStorage {
  let current: TemporaryStorage | undefined;
  const storage = () => {
    if (!current) throw new Error("La memoria dei file di prova esiste solo durante i test del file.");
    return current;
  };
  beforeAll(async () => {
    current = await useTemporaryStorage();
  });
  afterAll(async () => {
    await current?.dispose();
  });
  if (options.nothingLeftStaged) {
    afterEach(async () => {
      expect(await readdir(storage().stagingRoot)).toEqual([]);
    });
  }
  return {
    get root() {
      return storage().root;
    },
    get filesRoot() {
      return storage().filesRoot;
    },
    get stagingRoot() {
      return storage().stagingRoot;
    },
    storedKeys: () => storage().storedKeys(),
    dispose: () => storage().dispose(),
  };
}
