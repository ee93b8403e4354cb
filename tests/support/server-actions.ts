import { expect } from "vitest";

/**
 * The HTTP boundary of a server action in integration tests: Next's request
 * headers, cookies and redirect. A test file registers the mocks with
 * `vi.mock("next/headers", async () => (await import("…/server-actions")).nextHeadersMock("198.51.100.70"))`
 * and `vi.mock("next/navigation", async () => (await import("…/server-actions")).nextNavigationMock)`.
 */

/** The cookies the actions set, by name. */
export const cookieJar = new Map<string, string>();

export class Redirect extends Error {
  constructor(readonly location: string) {
    super(location);
  }
}

export function nextHeadersMock(forwardedFor: string) {
  return {
    headers: async () => new Headers({ "x-forwarded-for": forwardedFor }),
    cookies: async () => ({ set: (name: string, value: string) => cookieJar.set(name, value), get: () => undefined }),
  };
}

export const nextNavigationMock = {
  redirect: (location: string) => {
    throw new Redirect(location);
  },
};

/** Runs a posted action, which must end in a redirect; answers where to. */
export async function redirectOf(posted: Promise<void>): Promise<URL> {
  const redirect = await posted.then(
    () => null,
    (error: unknown) => error,
  );
  expect(redirect).toBeInstanceOf(Redirect);
  return new URL((redirect as Redirect).location, "http://localhost");
}
