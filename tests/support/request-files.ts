import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { StagedFile } from "@/server/attachments/receive-upload";

/**
 * Files for the request services' tests: staged the way receiveUpload leaves
 * them, and a private storage folder (DATA_DIR) whose content can be listed.
 */

const PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/** Points the file storage at a fresh folder for this test file; returns a function listing what it holds. */
export async function useTemporaryStorage(): Promise<{ storedKeys(): Promise<string[]>; dispose(): Promise<void> }> {
  const previous = process.env.DATA_DIR;
  const dataDir = await mkdtemp(path.join(tmpdir(), "cb-requests-"));
  process.env.DATA_DIR = dataDir;
  const root = path.join(dataDir, "files");
  return {
    async storedKeys() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .sort();
    },
    async dispose() {
      process.env.DATA_DIR = previous;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PDF of about `size` bytes, staged in its own temporary folder. */
export async function stagePdf(fileName = "documento.pdf", size = 200): Promise<StagedFile> {
  const content = Buffer.concat([Buffer.from(PDF, "latin1"), Buffer.alloc(Math.max(0, size - PDF.length), 0x20)]);
  const directory = await mkdtemp(path.join(tmpdir(), "cb-staged-"));
  const tempPath = path.join(directory, randomUUID());
  await writeFile(tempPath, content);
  return {
    fileName,
    mimeType: "application/pdf",
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    tempPath,
  };
}
