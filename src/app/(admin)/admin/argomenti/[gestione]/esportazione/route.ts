import { signedInOperator } from "@/app/_lib/http/actors";
import { contentDisposition } from "@/app/_lib/http/file-download";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { exportSubjectTree } from "@/server/admin/export-subject-tree";
import type { OperatorActor } from "@/server/identity/actor";

/** "Esporta l'albero": the gestione's whole tree as JSON or CSV (`?formato=`), as the import reads it back. */
export const GET = routeHandler<OperatorActor, { gestione: string }>({
  // A download writes nothing: a link from elsewhere gets only what the administrator could download anyway.
  sameOrigin: false,
  actor: signedInOperator,
  rateLimit: { limit: "exports", at: "start" },
  async handle({ url, actor, params }) {
    const { fileName, contentType, body } = await exportSubjectTree(actor, params.gestione, url.searchParams.get("formato"));
    return new Response(body, {
      headers: {
        "content-type": contentType,
        "content-disposition": contentDisposition(fileName),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
});
