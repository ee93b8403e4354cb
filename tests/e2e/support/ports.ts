/**
 * The e2e ports. E2E_PORT and E2E_PG_PORT are the main server's (each parallel
 * run sets its own); specs that start portals of their own take ports a few
 * above them, so that runs spaced ten apart never meet. Defaults stay below
 * Linux's ephemeral ports (32768–60999), which outgoing connections may hold.
 */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2ePgPort = Number(process.env.E2E_PG_PORT ?? 24339);

/** The HTTP and embedded-PostgreSQL ports `offset` (1–9) above the main server's: quick-start takes 1 and 2, supervision 3, the production sign-in 7 and 8. */
export function portsAbove(offset: number): { http: number; pg: number } {
  return { http: e2ePort + offset, pg: e2ePgPort + offset };
}
