import { romeIsoDay } from "@/lib/rome-dates";
import { NotFoundError } from "@/server/errors/domain-errors";
import { problemResponse } from "@/server/errors/map-error";
import { getContributorResolution } from "@/server/identity/session";
import { exportRequestsCsv } from "@/server/requests/export-requests-csv";

/** "Esporta in CSV" of Le mie richieste: the same filters as the page, as query parameters. */
export async function GET(request: Request): Promise<Response> {
  try {
    const resolution = await getContributorResolution();
    if (resolution?.status !== "ok") throw new NotFoundError();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const csv = await exportRequestsCsv(resolution.actor, query);
    const day = romeIsoDay(new Date());
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="richieste-${day}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return problemResponse(error);
  }
}
