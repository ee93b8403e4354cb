/**
 * The caller's address, for per-address rate limits and security events.
 * Next.js gives route handlers and server actions no socket; its server
 * writes the socket's address into X-Forwarded-For only when the request has
 * none. So: behind a trusted proxy (TRUST_PROXY=true) the last address of the
 * header is the one that proxy appended; otherwise it is the header as Next
 * left it — the socket's address, unless the caller wrote the header itself
 * (best effort: per-person limits do not depend on it). Decision 0015.
 */
export function clientAddress(headers: { get(name: string): string | null }, trustProxy: boolean): string | undefined {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const address = trustProxy ? hops.at(-1) : hops[0];
  // Whatever a caller wrote, at most the length of an IPv6 address with its zone.
  return address?.slice(0, 64);
}
