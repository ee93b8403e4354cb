import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestOrigin } from "./request-origin";
import type { Realm } from "./realms";

export type AuthRequest = { realm: Realm; origin: RequestOrigin };

/**
 * The next-auth request being handled: its realm and where it came from.
 * next-auth keeps its logger in a module-wide variable, so per-request
 * details cannot be baked into the options of concurrent requests; the route
 * runs each call inside this context and the logger reads it.
 */
const storage = new AsyncLocalStorage<AuthRequest>();

export function runAuthRequest<T>(request: AuthRequest, handle: () => Promise<T>): Promise<T> {
  return storage.run(request, handle);
}

export function currentAuthRequest(): AuthRequest | undefined {
  return storage.getStore();
}
