/**
 * File names as users sent them are only ever shown and offered back as
 * download names (storage keys are random), but they still travel into
 * pages, zip entries and Content-Disposition headers: keep them plain.
 */

export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = "allegato";
/** Longer "extensions" are just part of the name. */
const MAX_EXTENSION_LENGTH = 10;

/**
 * Drops any folder part, control and invisible formatting characters (bidi
 * overrides can disguise "fattura‮fdp.exe"), characters Windows refuses in
 * names, and leading or trailing dots and spaces; caps the length keeping the
 * extension.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/gu, " ")
    .replace(/^[.\s]+|[.\s]+$/gu, "");
  return cleaned ? truncateKeepingExtension(cleaned, MAX_FILE_NAME_LENGTH) : FALLBACK_NAME;
}

/** "relazione.PDF" → "pdf"; no extension → "". */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "";
  const extension = name.slice(dot + 1).toLowerCase();
  return extension.length <= MAX_EXTENSION_LENGTH ? extension : "";
}

/**
 * The name with an extension that matches the content: kept when it already
 * is one of `extensions`, otherwise the first of them is appended, so that a
 * PNG called "foto.exe" is saved by whoever downloads it as "foto.exe.png".
 */
export function withMatchingExtension(name: string, extensions: readonly [string, ...string[]]): string {
  if (extensions.includes(fileExtension(name))) return name;
  const suffix = `.${extensions[0]}`;
  return truncateCodePoints(name, MAX_FILE_NAME_LENGTH - suffix.length) + suffix;
}

function truncateKeepingExtension(name: string, maxLength: number): string {
  if (Array.from(name).length <= maxLength) return name;
  const extension = fileExtension(name);
  if (!extension) return truncateCodePoints(name, maxLength);
  const stem = name.slice(0, name.length - extension.length - 1);
  return `${truncateCodePoints(stem, maxLength - extension.length - 1).trimEnd()}.${extension}`;
}

/** Cuts by code points, so that no emoji or accented letter is split in half. */
function truncateCodePoints(value: string, maxLength: number): string {
  return Array.from(value).slice(0, maxLength).join("");
}
