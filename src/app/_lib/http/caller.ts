import "server-only";
import { getConfig } from "@/server/config";
import type { Actor } from "@/server/identity/actor";
import { realmOf, type Realm } from "@/server/identity/realms";
import { rateLimiter, type RateLimitName } from "@/server/rate-limit/rate-limits";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";
import { logSecurityEvent } from "@/server/security/security-events";
import { clientAddress } from "@/lib/client-address";

/** Who calls, as the edge sees it: the address, and what they call (for limits and security events). */
export type Caller = { ip?: string; target: string };

export function callerOf(headers: Headers, target: string): Caller {
  return { ip: clientAddress(headers, getConfig().TRUST_PROXY), target };
}

/** A call no person makes (a signed webhook): limits count only its address. */
export type Anonymous = { kind: "anonymous"; codiceFiscale?: undefined };
export const ANONYMOUS: Anonymous = { kind: "anonymous" };

/** Whom a limit counts: a signed-in actor, the codice fiscale typed at sign-in, or nobody but an address. */
export type Counted = Actor | Anonymous | { kind: "sign-in"; realm: "cassetto" | "fascicolo"; codiceFiscale?: string };

function countedRealm(counted: Counted): Realm | undefined {
  if (counted.kind === "sign-in") return counted.realm;
  if (counted.kind === "anonymous") return undefined;
  return realmOf(counted);
}

/**
 * Counts one request of `counted` and the caller's address against `limit`;
 * over it, the refusal is logged as a security event and thrown
 * (RateLimitedError: an Italian message on pages, 429 in the API).
 */
export async function countRequest(limit: RateLimitName, counted: Counted, caller: Caller): Promise<void> {
  const realm = countedRealm(counted);
  const identity = counted.codiceFiscale ? `${realm ?? "anonymous"}:${counted.codiceFiscale}` : undefined;
  try {
    await rateLimiter().consume(limit, { identity, ip: caller.ip });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      logSecurityEvent({
        type: "rate-limited",
        realm,
        codiceFiscale: counted.codiceFiscale,
        ip: caller.ip,
        target: caller.target,
        reason: limit,
      });
    }
    throw error;
  }
}
