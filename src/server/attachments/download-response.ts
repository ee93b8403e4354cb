import "server-only";
import { Readable } from "node:stream";
import type { FileDownload } from "./get-attachment-download";

/** RFC 6266/8187: an ASCII fallback for old clients, then the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a file as a download: never shown inline, never sniffed by the
 * browser into something else, never kept by a shared cache.
 */
export function fileDownloadResponse(download: FileDownload): Response {
  return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": download.mimeType,
      "content-length": String(download.size),
      "content-disposition": contentDisposition(download.fileName),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
