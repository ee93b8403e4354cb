import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Realm } from "@/server/identity/auth-options";
import { getContributorResolution, getOperator, profileCookieName, signedInPersonHeldGestioni } from "@/server/identity/session";
import { hasInstancePositions } from "@/server/istanze/has-instance-positions";
import { startSession } from "@/server/identity/start-session";
import { createDelegation, createOffice, createOperator, createPerson, createPosition } from "../../support/fixtures";
import { sessionCookie, TEST_AUTH_SECRET } from "../../support/session-cookie";
import { statementsOf } from "../../support/statement-log";

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

    const { result, statements } = await statementsOf(async () => {
      const resolution = await getContributorResolution();
      return { resolution, gestioni: await signedInPersonHeldGestioni() };
    });

    expect(result.resolution).toMatchObject({ status: "ok", actor: { personId: person.id } });
    expect(result.gestioni).toEqual(["AZIENDE"]);
    expect(statements).toEqual([expect.stringMatching(/^\/\* prepared \*\/\s+SELECT person\.id.*JOIN "AuthSession" session/s)]);
  });

  it("are one read of the operator, with the session the cookie names", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    await signIn("fascicolo", operator.id, await startSession("fascicolo", operator.id, new Date()));

    const { result, statements } = await statementsOf(() => getOperator());

    expect(result).toMatchObject({ operatorId: operator.id, office: { id: office.id, code: office.code, name: office.name } });
    expect(statements).toEqual([expect.stringMatching(/^\/\* prepared \*\/\s+SELECT operator\.id.*JOIN "AuthSession" session/s)]);
  });

  it("offer the profiles of the delegations the person holds, each once, and none of a rejected one", async () => {
    const office = await createOffice();
    const [person, client, other, employer] = [await createPerson(), await createPerson(), await createPerson(), await createPerson()];
    await createPosition(person.id, office.id);
    for (const holder of [client, other]) {
      const position = await createPosition(holder.id, office.id);
      await createDelegation({ holderId: holder.id, delegateId: person.id, positionIds: [position.id], kind: "INTERMEDIARIO" });
    }
    const employerPosition = await createPosition(employer.id, office.id);
    await createDelegation({
      holderId: employer.id,
      delegateId: person.id,
      positionIds: [employerPosition.id],
      kind: "DIPENDENTE",
      status: "REJECTED",
    });
    await signIn("cassetto", person.id, await startSession("cassetto", person.id, new Date()));

    expect(await getContributorResolution()).toEqual({
      status: "choose-profile",
      displayName: `${person.givenName} ${person.familyName}`,
      profiles: ["TITOLARE", "INTERMEDIARIO"],
    });
    for (const results of renderCaches) results.clear();
    requestCookies.set(profileCookieName(), "INTERMEDIARIO");
    expect(await getContributorResolution()).toMatchObject({
      status: "ok",
      actor: { profile: "INTERMEDIARIO", availableProfiles: ["TITOLARE", "INTERMEDIARIO"] },
    });
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

    for (const [person, offered] of [
      [committente, true],
      [azienda, false],
    ] as const) {
      requestCookies.clear();
      for (const results of renderCaches) results.clear();
      await signIn("cassetto", person.id, await startSession("cassetto", person.id, new Date()));
      const { result, statements } = await statementsOf(async () => {
        const resolution = await getContributorResolution();
        if (resolution?.status !== "ok") throw new Error("not signed in");
        return hasInstancePositions(resolution.actor, new Date(), await signedInPersonHeldGestioni());
      });
      expect(result).toBe(offered);
      expect(statements).toHaveLength(1);
    }
  });

  it("hold no gestione for a request without a session", async () => {
    expect(await signedInPersonHeldGestioni()).toEqual([]);
  });
});
