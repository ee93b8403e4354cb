import { signedInOperator } from "@/app/_lib/http/actors";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { importPath, importPreviewPath } from "@/app/(admin)/admin/argomenti/_lib/paths";
import { previewSubjectImport } from "@/server/admin/preview-subject-import";
import { MAX_IMPORT_BYTES } from "@/server/admin/subject-schemas";
import { realmPaths } from "@/server/identity/auth-options";
import type { OperatorActor } from "@/server/identity/actor";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around the file (boundaries, headers of the part). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The request's body, read no further than `limit` bytes: null when it is
 * longer (declared or actual), so that an oversized file is never parsed.
 */
async function cappedBody(request: Request, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit || !request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

async function uploadedFile(request: Request): Promise<{ name: string; bytes: Uint8Array | null }> {
  const body = await cappedBody(request, MAX_IMPORT_BYTES + ENVELOPE_BYTES);
  if (body === null) return { name: "", bytes: null };
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  const file = form.get("file");
  if (!(file instanceof File)) return { name: "", bytes: new Uint8Array() };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * The import form's upload (multipart, works without JavaScript): the file is
 * read (up to its size limit) and kept for its preview, where the browser
 * goes next (303) — rows and changes, or each row's problem. Nothing in the
 * tree changes here (decision 0043).
 */
export const POST = routeHandler<OperatorActor, { gestione: string }>({
  sameOrigin: true,
  actor: signedInOperator,
  signedOut: ({ params }) => seeOther(`${realmPaths.fascicolo.signIn}?callbackUrl=${encodeURIComponent(importPath(params.gestione))}`),
  rateLimit: { limit: "imports", at: "start" },
  async handle({ request, actor, params }) {
    const stored = await previewSubjectImport(actor, params.gestione, await uploadedFile(request));
    return seeOther(importPreviewPath(stored.gestione, stored.id));
  },
});
