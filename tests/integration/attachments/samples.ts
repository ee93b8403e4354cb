import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { ZipArchive } from "archiver";

/**
 * Tiny but well-formed samples of each kind of file the attachment checks
 * decide on, built in code so that every byte that matters is visible here.
 */

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function pdfSample(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );
}

/** A 1×1 PNG. */
export function pngSample(): Buffer {
  return Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
}

/** A 1×1 GIF. */
export function gifSample(): Buffer {
  return Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
}

/** JPEG start of image, a JFIF APP0 segment and some data: file-type looks at the first bytes. */
export function jpegSample(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.alloc(64, 0x11),
    Buffer.from([0xff, 0xd9]),
  ]);
}

async function zipOf(entries: { name: string; content: string; store?: boolean }[]): Promise<Buffer> {
  const archive = new ZipArchive();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: Buffer) => chunks.push(chunk));
  for (const entry of entries) archive.append(entry.content, { name: entry.name, store: entry.store ?? false });
  await archive.finalize();
  return Buffer.concat(chunks);
}

function contentTypes(mainContentType: string, partName: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="${partName}" ContentType="${mainContentType}"/>` +
    "</Types>"
  );
}

/** A DOCX as file-type recognises it: a zip whose [Content_Types].xml names a Word main part. */
export function docxSample(): Promise<Buffer> {
  return zipOf([
    {
      name: "[Content_Types].xml",
      content: contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml"),
    },
    { name: "word/document.xml", content: "<w:document/>" },
  ]);
}

export function xlsxSample(): Promise<Buffer> {
  return zipOf([
    {
      name: "[Content_Types].xml",
      content: contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "/xl/workbook.xml"),
    },
    { name: "xl/workbook.xml", content: "<workbook/>" },
  ]);
}

/** A macro-enabled Word document (docm). */
export function docmSample(): Promise<Buffer> {
  return zipOf([
    {
      name: "[Content_Types].xml",
      content: contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml", "/word/document.xml"),
    },
    { name: "word/document.xml", content: "<w:document/>" },
    { name: "word/vbaProject.bin", content: "vba" },
  ]);
}

/** An OpenDocument text: a zip whose first entry, stored, is `mimetype`. */
export function odtSample(): Promise<Buffer> {
  return zipOf([
    { name: "mimetype", content: "application/vnd.oasis.opendocument.text", store: true },
    { name: "content.xml", content: "<office:document-content/>" },
  ]);
}

export function plainZipSample(): Promise<Buffer> {
  return zipOf([{ name: "leggimi.txt", content: "ciao" }]);
}

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;

/**
 * A version 3 compound file (512-byte sectors): header, one FAT sector, then
 * the directory, whose root has the given children (streams, chained as right
 * siblings). `cyclicDirectory` makes the directory chain point to itself.
 */
export function compoundFileSample(rootChildren: string[], options: { cyclicDirectory?: boolean } = {}): Buffer {
  const sectorSize = 512;
  const entryCount = rootChildren.length + 1;
  const directorySectors = Math.ceil(entryCount / 4);

  const header = Buffer.alloc(sectorSize);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE_SECTOR, 0x4c + i * 4);

  const fat = Buffer.alloc(sectorSize, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let i = 0; i < directorySectors; i++) {
    const sector = 1 + i;
    const next = i === directorySectors - 1 ? END_OF_CHAIN : sector + 1;
    fat.writeUInt32LE(options.cyclicDirectory ? sector : next, sector * 4);
  }

  const directory = Buffer.alloc(directorySectors * sectorSize);
  const writeEntry = (index: number, name: string, type: number, right: number, child: number) => {
    const offset = index * 128;
    const encoded = Buffer.from(`${name}\0`, "utf16le");
    encoded.copy(directory, offset);
    directory.writeUInt16LE(encoded.length, offset + 0x40);
    directory.writeUInt8(type, offset + 0x42);
    directory.writeUInt32LE(NO_STREAM, offset + 0x44);
    directory.writeUInt32LE(right, offset + 0x48);
    directory.writeUInt32LE(child, offset + 0x4c);
    directory.writeUInt32LE(END_OF_CHAIN, offset + 0x74);
  };
  writeEntry(0, "Root Entry", 5, NO_STREAM, rootChildren.length > 0 ? 1 : NO_STREAM);
  rootChildren.forEach((name, i) => writeEntry(i + 1, name, 2, i + 2 <= rootChildren.length ? i + 2 : NO_STREAM, NO_STREAM));
  for (let index = entryCount; index < directorySectors * 4; index++) {
    directory.writeUInt32LE(NO_STREAM, index * 128 + 0x44);
    directory.writeUInt32LE(NO_STREAM, index * 128 + 0x48);
    directory.writeUInt32LE(NO_STREAM, index * 128 + 0x4c);
  }
  return Buffer.concat([header, fat, directory]);
}

const SIGNED_DATA_OID = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

/**
 * A DER PKCS#7 ContentInfo of type signedData. The inner SignedData is only a
 * stand-in of the right size: the portal checks the container, not the signature.
 */
export function p7mSample(): Buffer {
  const signedData = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.alloc(0x100, 0x02)]);
  const explicit = Buffer.concat([Buffer.from([0xa0, 0x82, 0x01, 0x04]), signedData]);
  const body = Buffer.concat([SIGNED_DATA_OID, explicit]);
  return Buffer.concat([Buffer.from([0x30, 0x82, body.length >> 8, body.length & 0xff]), body]);
}

/** The same in BER with indefinite lengths, as some signing tools write it. */
export function p7mBerSample(): Buffer {
  return Buffer.concat([
    Buffer.from([0x30, 0x80]),
    SIGNED_DATA_OID,
    Buffer.from([0xa0, 0x80, 0x30, 0x80]),
    Buffer.alloc(32, 0x02),
    Buffer.alloc(6, 0x00),
  ]);
}

/** A Windows executable: DOS stub and PE signature. */
export function exeSample(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
}

export function elfSample(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(120)]);
}

/** The entries of a zip, read through its central directory. */
export function readZip(zip: Buffer): { name: string; content: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: { name: string; content: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, content: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
