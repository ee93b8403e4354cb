import { signedInOperator } from "@/app/_lib/http/actors";
import { csvDownloadResponse } from "@/app/_lib/http/file-download";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { exportResponseFiguresCsv } from "@/server/statistics/export-response-figures-csv";

/** "Scarica CSV" of the response-time figures: the page's filters as query parameters. */
export const GET = routeHandler({
  // A download writes nothing: a link from elsewhere gets only what the operator could download anyway.
  sameOrigin: false,
  actor: signedInOperator,
  rateLimit: { limit: "exports", at: "start" },
  async handle({ url, actor }) {
    const { fileName, csv } = await exportResponseFiguresCsv(actor, Object.fromEntries(url.searchParams));
    return csvDownloadResponse(fileName, csv);
  },
});
