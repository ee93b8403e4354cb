import "server-only";
import { open, type FileHandle } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { compoundFileRootNames } from "./compound-file";
import { fileExtension } from "./file-names";

/**
 * The documents the portal accepts, decided from the bytes, never from the
 * name: `file-type` recognises the formats with a signature (and looks inside
 * zip containers for Office and OpenDocument); what it cannot tell apart or
 * does not know — legacy Office inside a compound file, PKCS#7 signed files,
 * plain text — is checked here.
 */
export type DocumentType = {
  mimeType: string;
  /** Extensions a file of this type may carry; the first is the one added when the name has none of them. */
  extensions: readonly [string, ...string[]];
};

const SIGNED: DocumentType = { mimeType: "application/pkcs7-mime", extensions: ["p7m"] };
const PLAIN_TEXT: DocumentType = { mimeType: "text/plain", extensions: ["txt"] };
const CSV: DocumentType = { mimeType: "text/csv", extensions: ["csv"] };
const TEXT_BY_EXTENSION = new Map([
  ["txt", PLAIN_TEXT],
  ["csv", CSV],
]);

/** Keyed by file-type's `ext`; macro-enabled variants (docm, xlsm…) are deliberately absent. */
const BY_SIGNATURE = new Map<string, DocumentType>([
  ["pdf", { mimeType: "application/pdf", extensions: ["pdf"] }],
  ["png", { mimeType: "image/png", extensions: ["png"] }],
  ["jpg", { mimeType: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"] }],
  ["tif", { mimeType: "image/tiff", extensions: ["tif", "tiff"] }],
  ["gif", { mimeType: "image/gif", extensions: ["gif"] }],
  ["docx", { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] }],
  ["xlsx", { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] }],
  ["pptx", { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] }],
  ["odt", { mimeType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] }],
  ["ods", { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] }],
  ["odp", { mimeType: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] }],
]);

/** Legacy Office formats by the stream their application keeps at the root of the compound file. */
const LEGACY_OFFICE: [streamNames: string[], type: DocumentType][] = [
  [["WordDocument"], { mimeType: "application/msword", extensions: ["doc"] }],
  [["Workbook", "Book"], { mimeType: "application/vnd.ms-excel", extensions: ["xls"] }],
  [["PowerPoint Document"], { mimeType: "application/vnd.ms-powerpoint", extensions: ["ppt"] }],
];
/** Where Word and Excel keep VBA macros: such files are refused like their docm/xlsm successors. */
const MACRO_STORAGES = new Set(["Macros", "_VBA_PROJECT_CUR"]);

// contentType OID 1.2.840.113549.1.7.2 (signedData), DER-encoded with its tag and length.
const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
const HEAD_SIZE = 64;
const TEXT_CHUNK_SIZE = 64 * 1024;

/**
 * Whether the bytes open a DER or BER PKCS#7 ContentInfo of type signedData:
 * SEQUENCE (definite length that fits the file, or BER indefinite), the
 * signedData OID, then the [0] explicit content.
 */
export function isSignedData(head: Uint8Array, fileSize: number): boolean {
  if (head[0] !== 0x30) return false;
  const lengthByte = head[1];
  if (lengthByte === undefined) return false;
  let offset = 2;
  if (lengthByte > 0x80) {
    const lengthOctets = lengthByte & 0x7f;
    if (lengthOctets > 4) return false;
    let length = 0;
    for (let i = 0; i < lengthOctets; i++) {
      const octet = head[offset + i];
      if (octet === undefined) return false;
      length = length * 256 + octet;
    }
    offset += lengthOctets;
    if (offset + length > fileSize) return false;
  } else if (lengthByte < 0x80 && offset + lengthByte > fileSize) {
    return false;
  }
  return SIGNED_DATA_OID.every((byte, index) => head[offset + index] === byte) && head[offset + SIGNED_DATA_OID.length] === 0xa0;
}

/** Tab, line feed, form feed, carriage return. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/**
 * Plain text has no NUL and no control characters other than tab, line
 * feed, form feed and carriage return. Any other byte is fine: UTF-8 and
 * Latin-1 (or Windows-1252) text both pass, UTF-16 and binaries do not.
 */
export function hasBinaryBytes(chunk: Uint8Array): boolean {
  return chunk.some((byte) => (byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f);
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

async function legacyOfficeType(handle: FileHandle, size: number): Promise<DocumentType | null> {
  const names = await compoundFileRootNames((offset, length) => readAt(handle, offset, length), size);
  if (!names || names.some((name) => MACRO_STORAGES.has(name))) return null;
  return LEGACY_OFFICE.find(([streams]) => streams.some((stream) => names.includes(stream)))?.[1] ?? null;
}

/** Text has no signature, so the name must say it is text: a script renamed .pdf stays refused. */
async function textType(handle: FileHandle, size: number, fileName: string): Promise<DocumentType | null> {
  const type = TEXT_BY_EXTENSION.get(fileExtension(fileName));
  if (!type) return null;
  for (let offset = 0; offset < size; offset += TEXT_CHUNK_SIZE) {
    if (hasBinaryBytes(await readAt(handle, offset, TEXT_CHUNK_SIZE))) return null;
  }
  return type;
}

/** The accepted type of the file at `filePath`, or null when the portal does not take it. */
export async function detectDocumentType(filePath: string, fileName: string): Promise<DocumentType | null> {
  const handle = await open(filePath, "r");
  try {
    const { size } = await handle.stat();
    if (isSignedData(await readAt(handle, 0, HEAD_SIZE), size)) return SIGNED;
    const detected = await fileTypeFromFile(filePath);
    if (detected?.ext === "cfb") return await legacyOfficeType(handle, size);
    if (detected) return BY_SIGNATURE.get(detected.ext) ?? null;
    return await textType(handle, size, fileName);
  } finally {
    await handle.close();
  }
}
