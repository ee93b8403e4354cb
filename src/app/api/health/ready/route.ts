import { currentReadiness, notReadyProblem } from "@/server/health/check-readiness";

// Readiness: database, migrations and storage (src/server/health/check-readiness.ts); 503 with a problem body otherwise.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await currentReadiness();
  if (readiness.ready) {
    return Response.json({ status: "ok", checks: readiness.checks }, { headers: { "cache-control": "no-store" } });
  }
  return new Response(JSON.stringify(notReadyProblem(readiness)), {
    status: 503,
    headers: { "content-type": "application/problem+json; charset=utf-8", "cache-control": "no-store" },
  });
}
