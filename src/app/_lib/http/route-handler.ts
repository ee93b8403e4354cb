import "server-only";
import { getConfig } from "@/server/config";
import { isDatabaseUnavailable } from "@/server/errors/database-unavailable";
import { DomainError, ForbiddenError, NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import type { RateLimitName } from "@/server/rate-limit/rate-limits";
import { logSecurityEvent } from "@/server/security/security-events";
import { callerOf, countRequest, type Anonymous, type Caller } from "./caller";
import { originVerdict } from "./origin";
import { problemResponse } from "./problem-response";

/** What a route handler's own work receives once the edge has let the call in. */
export type RouteCall<A, Params> = {
  request: Request;
  url: URL;
  params: Params;
  actor: A;
  caller: Caller;
  /** Counts this call against the route's limit (RateLimitedError over it); for `rateLimit.at: "service"`. */
  countRequest: () => Promise<void>;
};

type Arrival<Params> = { request: Request; url: URL; params: Params };

export type RouteSpec<A extends Actor | Anonymous, Params> = {
  /**
   * A write the browser sends with its cookies: refused (403 problem+json,
   * body unread, nothing written) unless it comes from the portal's pages.
   * False only where no cookie authenticates the call (a signed webhook).
   */
  sameOrigin: boolean;
  /** Who calls: null when nobody is signed in; ANONYMOUS where no person calls (a signed webhook). */
  actor: (arrival: Arrival<Params>) => Promise<A | null>;
  /** What nobody signed in gets: "not found" (problem+json) unless told. */
  signedOut?: (arrival: Arrival<Params>) => Response;
  /**
   * The limit this route counts: at the start, before anything is read, or
   * where the route calls `countRequest` — just before its service, once a
   * form has been read, so that a refusal can keep what was typed.
   */
  rateLimit?: { limit: RateLimitName; at: "start" | "service" };
  /** Parses, calls exactly one service, and answers. */
  handle: (call: RouteCall<A, Params>) => Promise<Response>;
  /** A domain error's answer: problem+json unless told (a form goes back to itself). */
  refused?: (error: DomainError, arrival: Arrival<Params>) => Response;
  /**
   * The answer when the database does not answer in time (a form kept on
   * disk); null, or unset, for the generic 503 problem.
   */
  databaseUnavailable?: (arrival: Arrival<Params>) => Promise<Response | null>;
};

type RouteContext<Params> = { params: Promise<Params> };

/**
 * The one wrapper of every route handler (and of the API to come): checks the
 * origin of writes, resolves the actor, applies the rate limit, lets the route
 * parse and call its service, and maps domain errors — problem+json, or what
 * the route says — and unexpected ones (logged, generic problem with a request
 * id). Decision 0015.
 */
export function routeHandler<A extends Actor | Anonymous, Params = Record<string, never>>(spec: RouteSpec<A, Params>) {
  return async (request: Request, context?: RouteContext<Params>): Promise<Response> => {
    const url = new URL(request.url);
    const caller = callerOf(request.headers, url.pathname);
    if (spec.sameOrigin) {
      const verdict = originVerdict(request.headers, getConfig().PUBLIC_URL);
      if (!verdict.sameOrigin) {
        logSecurityEvent({ type: "cross-origin-refused", ip: caller.ip, target: caller.target, reason: verdict.reason });
        return problemResponse(new ForbiddenError("Richiesta rifiutata: non proviene dalle pagine del portale."));
      }
    }
    const arrival: Arrival<Params> = { request, url, params: ((await context?.params) ?? {}) as Params };
    try {
      const actor = await spec.actor(arrival);
      if (actor === null) return spec.signedOut?.(arrival) ?? problemResponse(new NotFoundError());
      const count = async () => {
        if (spec.rateLimit) await countRequest(spec.rateLimit.limit, actor, caller);
      };
      if (spec.rateLimit?.at === "start") await count();
      return await spec.handle({ ...arrival, actor, caller, countRequest: count });
    } catch (error) {
      if (error instanceof DomainError && spec.refused) return spec.refused(error, arrival);
      if (spec.databaseUnavailable && isDatabaseUnavailable(error)) {
        const kept = await spec.databaseUnavailable(arrival);
        if (kept) return kept;
      }
      return problemResponse(error);
    }
  };
}
