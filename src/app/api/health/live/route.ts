// Liveness: the process answers. Touches nothing else, so a slow database never restarts a healthy process.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
