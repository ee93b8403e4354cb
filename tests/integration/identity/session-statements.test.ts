import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import type { Realm } from "@/server/identity/auth-options";
import { getContributorResolution, getOperator, signedInPersonHeldGestioni } from "@/server/identity/session";
import { hasInstancePositions } from "@/server/istanze/has-instance-positions";
import { startSession } from "@/server/identity/start-session";
import { createOffice, createOperator, createPerson, createPosition } from "../../support/fixtures";
import { sessionCookie, TEST_AUTH_SECRET } from "../../support/session-cookie";

/** The cookies of the request being rendered: what each test puts there. */
const requestCookies = new Map<string, string>();

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name) } : undefined) }),
}));

/** React's `cache` as a render has it: one result per function and arguments, for the request (here: the test). */
const renderCaches = vi.hoisted((): Map<string, unknown>[] => []);
vi.mock("react", async (importOriginal) => ({
  ...(await importOriginal<typeof import("react")>()),
  cache: <A extends unknown[], R>(fn: (...args: A) => R) => {
    const results = new Map<string, unknown>();
    renderCaches.push(results);
    return (...args: A): R => {
      const key = JSON.stringify(args);
      if (!results.has(key)) results.set(key, fn(...args));
      return results.get(key) as R;
    };
  },
}));

async function signIn(realm: Realm, sub: string, sid: string) {
  requestCookies.set(...(await sessionCookie(realm, { sub, realm, sid })));
}

beforeEach(() => {
  requestCookies.clear();
  for (const results of renderCaches) results.clear();
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  vi.stubEnv("PUBLIC_URL", "http://localhost:3000");
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("a signed-in page's session check and actor", () => {
  it("are one read of the person, with the session the cookie names", async () => {
    const office = await createOffice();
    const person = await createPerson();
    await createPosition(person.id, office.id);
    await signIn("cassetto", person.id, await startSession("cassetto", person.id, new Date()));
    const personReads = vi.spyOn(prisma.person, "findUnique");
    const sessionReads = vi.spyOn(prisma.authSession, "findFirst");

    const resolution = await getContributorResolution();

    expect(resolution).toMatchObject({ status: "ok", actor: { personId: person.id } });
    expect(personReads).toHaveBeenCalledTimes(1);
    expect(sessionReads).not.toHaveBeenCalled();
  });

  it("are one read of the operator, with the session the cookie names", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    await signIn("fascicolo", operator.id, await startSession("fascicolo", operator.id, new Date()));
    const operatorReads = vi.spyOn(prisma.operator, "findUnique");
    const sessionReads = vi.spyOn(prisma.authSession, "findFirst");

    expect(await getOperator()).toMatchObject({ operatorId: operator.id, office: { id: office.id } });
    expect(operatorReads).toHaveBeenCalledTimes(1);
    expect(sessionReads).not.toHaveBeenCalled();
  });

  it("find nobody when the cookie names another person's session", async () => {
    const office = await createOffice();
    const person = await createPerson();
    const other = await createPerson();
    await createPosition(person.id, office.id);
    await signIn("cassetto", person.id, await startSession("cassetto", other.id, new Date()));

    expect(await getContributorResolution()).toBeNull();
  });

  it("tell whether a holder's menu offers Istanze online, from the same read", async () => {
    const office = await createOffice();
    const [committente, azienda] = [await createPerson(), await createPerson()];
    await createPosition(committente.id, office.id, "GS_COMMITTENTI");
    await createPosition(azienda.id, office.id, "AZIENDE");
    const positionReads = vi.spyOn(prisma.position, "findFirst");
    const personReads = vi.spyOn(prisma.person, "findUnique");

    for (const [person, offered] of [
      [committente, true],
      [azienda, false],
    ] as const) {
      requestCookies.clear();
      for (const results of renderCaches) results.clear();
      await signIn("cassetto", person.id, await startSession("cassetto", person.id, new Date()));
      const resolution = await getContributorResolution();
      if (resolution?.status !== "ok") throw new Error("not signed in");
      expect(await hasInstancePositions(resolution.actor, new Date(), await signedInPersonHeldGestioni())).toBe(offered);
    }
    expect(personReads).toHaveBeenCalledTimes(2);
    expect(positionReads).not.toHaveBeenCalled();
  });

  it("hold no gestione for a request without a session", async () => {
    expect(await signedInPersonHeldGestioni()).toEqual([]);
  });
});
