/**
 * Just enough of the Compound File Binary format ([MS-CFB]) to list the
 * streams and storages at the root of a file: legacy Word, Excel and
 * PowerPoint files share this container with installers (.msi) and other
 * things, and only the names inside tell them apart.
 */

/** Reads `length` bytes at `offset`; fewer bytes at the end of the file. */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_SIZE = 512;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const ROOT_STORAGE = 5;

class MalformedCompoundFile extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The names of the root's children, or null when the content is not a
 * well-formed compound file. Every chain is bounded by the number of sectors
 * the file can hold, so a crafted loop cannot keep it busy.
 */
export async function compoundFileRootNames(readAt: ReadAt, fileSize: number): Promise<string[] | null> {
  try {
    return await readRootNames(readAt, fileSize);
  } catch (error) {
    if (error instanceof MalformedCompoundFile) return null;
    throw error;
  }
}

async function readExactly(readAt: ReadAt, offset: number, length: number): Promise<DataView> {
  const bytes = await readAt(offset, length);
  if (bytes.byteLength !== length) throw new MalformedCompoundFile();
  return view(bytes);
}

async function readRootNames(readAt: ReadAt, fileSize: number): Promise<string[]> {
  const header = await readExactly(readAt, 0, HEADER_SIZE);
  if (!SIGNATURE.every((byte, index) => header.getUint8(index) === byte)) throw new MalformedCompoundFile();
  const sectorShift = header.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new MalformedCompoundFile();
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor(fileSize / sectorSize);
  const readSector = (sector: number) => {
    if (sector > MAX_REGULAR_SECTOR || sector >= sectorCount) throw new MalformedCompoundFile();
    return readExactly(readAt, (sector + 1) * sectorSize, sectorSize);
  };

  const fatSectorCount = header.getUint32(0x2c, true);
  if (fatSectorCount > sectorCount) throw new MalformedCompoundFile();
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(header.getUint32(0x4c + i * 4, true));
  }
  let difatSector = header.getUint32(0x44, true);
  const entriesPerDifatSector = sectorSize / 4 - 1;
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    if (hops >= sectorCount) throw new MalformedCompoundFile();
    const difat = await readSector(difatSector);
    for (let i = 0; i < entriesPerDifatSector && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(difat.getUint32(i * 4, true));
    }
    difatSector = difat.getUint32(entriesPerDifatSector * 4, true);
  }

  const fat: number[] = [];
  for (const sector of fatSectors) {
    const entries = await readSector(sector);
    for (let i = 0; i < sectorSize / 4; i++) fat.push(entries.getUint32(i * 4, true));
  }

  const entries: { name: string; type: number; left: number; right: number; child: number }[] = [];
  let sector = header.getUint32(0x30, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (hops >= sectorCount) throw new MalformedCompoundFile();
    const directory = await readSector(sector);
    for (let offset = 0; offset < sectorSize; offset += DIRECTORY_ENTRY_SIZE) {
      const nameLength = Math.min(directory.getUint16(offset + 0x40, true), 64);
      const nameBytes = new Uint8Array(directory.buffer, directory.byteOffset + offset, Math.max(nameLength - 2, 0));
      entries.push({
        name: new TextDecoder("utf-16le").decode(nameBytes),
        type: directory.getUint8(offset + 0x42),
        left: directory.getUint32(offset + 0x44, true),
        right: directory.getUint32(offset + 0x48, true),
        child: directory.getUint32(offset + 0x4c, true),
      });
    }
    const next = fat[sector];
    if (next === undefined) throw new MalformedCompoundFile();
    sector = next;
  }

  const root = entries[0];
  if (!root || root.type !== ROOT_STORAGE) throw new MalformedCompoundFile();
  // The root's children form a binary tree through their left and right siblings.
  const names: string[] = [];
  const visited = new Set<number>();
  const pending = [root.child];
  while (pending.length > 0) {
    const id = pending.pop();
    if (id === undefined || id === NO_STREAM || visited.has(id)) continue;
    const entry = entries[id];
    if (!entry) throw new MalformedCompoundFile();
    visited.add(id);
    names.push(entry.name);
    pending.push(entry.left, entry.right);
  }
  return names;
}
