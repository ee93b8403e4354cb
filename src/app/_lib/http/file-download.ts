import "server-only";
import { Readable } from "node:stream";
import { SIDE_PARAM } from "@/server/attachments/download-paths";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { signedInOnSide } from "./actors";
import { problemResponse } from "./problem-response";
import { routeHandler } from "./route-handler";
import type { FileDownload } from "@/server/attachments/get-attachment-download";

/** RFC 6266/8187: an ASCII fallback for old clients, then the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
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

/** A CSV built in memory (src/lib/csv.ts) as a download, kept by no cache; `fileName` is plain ASCII. */
export function csvDownloadResponse(fileName: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * A download route (GET, so no origin check): the file `download` gives
 * whoever the link's side names, or problem details. Nobody signed in gets
 * the same "not found" (`notFound`) as a file out of reach.
 */
export function fileDownloadRoute(notFound: string, download: (actor: Actor, id: string) => Promise<FileDownload>) {
  return routeHandler<Actor, { id: string }>({
    sameOrigin: false,
    actor: ({ url }) => signedInOnSide(url.searchParams.get(SIDE_PARAM)),
    signedOut: () => problemResponse(new NotFoundError(notFound)),
    handle: async ({ actor, params }) => fileDownloadResponse(await download(actor, params.id)),
  });
}
