import { clientAddress } from "@/lib/client-address";

/** Where a request came from, as the security log records it. */
export type RequestOrigin = { ip?: string; requestId?: string };

/**
 * Where a request came from, for the security log: the caller's address as
 * the rate limits see it (TRUST_PROXY, decision 0015) and the `X-Request-Id`
 * the edge assigned, when there is one.
 */
export function requestOriginOf(headers: { get(name: string): string | null }, trustProxy: boolean): RequestOrigin {
  const ip = clientAddress(headers, trustProxy);
  const requestId = headers.get("x-request-id")?.trim() || undefined;
  return { ...(ip ? { ip } : {}), ...(requestId ? { requestId } : {}) };
}
