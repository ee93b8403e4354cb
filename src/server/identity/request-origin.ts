import type { RequestOrigin } from "./check-session";

/**
 * Where a request came from, for the security log: the first address of
 * `X-Forwarded-For` (set by the load balancer in front of the app) or
 * `X-Real-IP`, and the `X-Request-Id` the edge assigned, when there is one.
 */
export function requestOriginOf(headers: { get(name: string): string | null }): RequestOrigin {
  const ip = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || undefined;
  const requestId = headers.get("x-request-id")?.trim() || undefined;
  return { ...(ip ? { ip } : {}), ...(requestId ? { requestId } : {}) };
}
