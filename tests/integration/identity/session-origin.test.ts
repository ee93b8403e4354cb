import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Realm } from "@/server/identity/auth-options";
import { getContributorResolution, getOperator } from "@/server/identity/session";
import { startSession } from "@/server/identity/start-session";
import { createOffice, createOperator, createPerson, createPosition } from "../../support/fixtures";
import { sessionCookie, TEST_AUTH_SECRET } from "../../support/session-cookie";

/** The cookies of the request being rendered: what each test puts there. */
const requestCookies = new Map<string, string>();

// The HTTP boundary of a page: Next's request headers and cookies.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.23", "x-request-id": "edge-42" }),
  cookies: async () => ({ get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name) } : undefined) }),
}));

async function signIn(cookieRealm: Realm, claims: { sub: string; realm: Realm; sid: string }, secret = TEST_AUTH_SECRET, maxAge = 3600) {
  requestCookies.set(...(await sessionCookie(cookieRealm, claims, { secret, maxAge })));
}

beforeEach(() => {
  requestCookies.clear();
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  vi.stubEnv("PUBLIC_URL", "http://localhost:3000");
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the actor resolved from a session", () => {
  it("carries where the contributor's request came from, for the security log", async () => {
    const office = await createOffice();
    const person = await createPerson();
    await createPosition(person.id, office.id);
    const sid = await startSession("cassetto", person.id, new Date());
    await signIn("cassetto", { sub: person.id, realm: "cassetto", sid });

    const resolution = await getContributorResolution();

    expect(resolution).toMatchObject({
      status: "ok",
      actor: { personId: person.id, origin: { ip: "198.51.100.23", requestId: "edge-42" } },
    });
  });

  it("carries where the operator's request came from", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const sid = await startSession("fascicolo", operator.id, new Date());
    await signIn("fascicolo", { sub: operator.id, realm: "fascicolo", sid });

    const actor = await getOperator();

    expect(actor).toMatchObject({
      operatorId: operator.id,
      office: { id: office.id },
      origin: { ip: "198.51.100.23", requestId: "edge-42" },
    });
  });

  it("is nobody when the session has ended", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    await signIn("fascicolo", { sub: operator.id, realm: "fascicolo", sid: "00000000-0000-4000-8000-000000000000" });

    expect(await getOperator()).toBeNull();
  });

  it("is nobody when the cookie was not signed with this portal's secret, has expired, or belongs to the other realm", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const sid = await startSession("fascicolo", operator.id, new Date());
    const claims = { sub: operator.id, realm: "fascicolo" as const, sid };

    await signIn("fascicolo", claims, "o".repeat(48));
    expect(await getOperator()).toBeNull();

    // Expired a minute ago: beyond the 15 s of clock tolerance next-auth allows.
    await signIn("fascicolo", claims, TEST_AUTH_SECRET, -60);
    expect(await getOperator()).toBeNull();

    // An operator's token in the Cassetto's cookie is read as the Cassetto's, and names no contributor.
    requestCookies.clear();
    await signIn("cassetto", claims);
    expect(await getOperator()).toBeNull();
    expect(await getContributorResolution()).toBeNull();

    await signIn("fascicolo", claims);
    expect(await getOperator()).toMatchObject({ operatorId: operator.id });
  });
});
