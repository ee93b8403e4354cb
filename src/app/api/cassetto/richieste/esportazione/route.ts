import { signedInContributor } from "@/app/_lib/http/actors";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { romeIsoDay } from "@/lib/rome-dates";
import { exportRequestsCsv } from "@/server/requests/export-requests-csv";

/** "Esporta in CSV" of Le mie richieste: the same filters as the page, as query parameters. */
export const GET = routeHandler({
  // A download writes nothing: a link from elsewhere gets only what the person could download anyway.
  sameOrigin: false,
  actor: signedInContributor,
  rateLimit: { limit: "exports", at: "start" },
  async handle({ url, actor }) {
    const csv = await exportRequestsCsv(actor, Object.fromEntries(url.searchParams));
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="richieste-${romeIsoDay(new Date())}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  },
});
