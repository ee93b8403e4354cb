import { randomUUID } from "node:crypto";

/** The first segment of every key `newStorageKey` makes: what the orphan sweep lists. */
export const STORAGE_KEY_KINDS = ["attachments", "bundles"] as const;
type StorageKeyKind = (typeof STORAGE_KEY_KINDS)[number];

/** A fresh random key, e.g. `attachments/0f6c…`. */
export function newStorageKey(kind: StorageKeyKind): string {
  return `${kind}/${randomUUID()}`;
}

// Segments start with a letter or digit, so "." and ".." (and dot-named
// temporary or probe files) can never be keys.
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** The error for a key `newStorageKey` could not have made (a bug, or a tampered row). */
export function invalidStorageKey(key: string): Error {
  return new Error(`Chiave di archiviazione non valida: ${JSON.stringify(key)}`);
}
