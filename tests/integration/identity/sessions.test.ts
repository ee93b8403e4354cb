import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { prisma } from "@/server/db/client";
import { authOptionsFor } from "@/server/identity/auth-options";
import { runAuthRequest } from "@/server/identity/auth-request-context";
import { checkSession } from "@/server/identity/check-session";
import { endAllSessions, endSession } from "@/server/identity/end-sessions";
import { FISCAL_NUMBER_CLAIM } from "@/server/identity/identity-claims";
import type { Realm } from "@/server/identity/realms";
import { startSession } from "@/server/identity/start-session";
import { logSecurityEvent } from "@/server/security/security-events";
import { stubProductionEnv } from "../../support/production-env";
import { createOffice, createOperator, createPerson } from "../../support/fixtures";

vi.mock("@/server/security/security-events", () => ({ logSecurityEvent: vi.fn() }));
const securityEvents = vi.mocked(logSecurityEvent);

const minutes = (count: number) => count * 60 * 1000;
const at = (start: Date, offset: number) => new Date(start.getTime() + offset);
const origin = { ip: "203.0.113.9", requestId: "req-1" };

beforeEach(() => {
  vi.stubEnv("APP_ENV", "demo");
  securityEvents.mockClear();
});
afterEach(() => vi.unstubAllEnvs());

/** Signs in as next-auth does on a callback: signIn, then jwt with the user the provider returned. */
async function signIn(realm: Realm, user: User): Promise<JWT | string> {
  const { callbacks } = authOptionsFor(realm);
  return runAuthRequest({ realm, origin }, async () => {
    const allowed = await callbacks!.signIn!({ user, account: null });
    if (allowed !== true) return allowed as string;
    return callbacks!.jwt!({ token: { name: "x", email: null, picture: null }, user, account: null });
  });
}

async function demoUser(realm: Realm, codiceFiscale: string): Promise<User> {
  // next-auth merges the provider's `options` (holding authorize) into it when it handles a request.
  const provider = authOptionsFor(realm).providers[0] as unknown as {
    options: { authorize(credentials: Record<string, string>): Promise<User> };
  };
  return provider.options.authorize({ codiceFiscale });
}

describe("signing in", () => {
  it("opens a session row and puts only subject, realm and session id in the token", async () => {
    const person = await createPerson();

    const token = await signIn("cassetto", await demoUser("cassetto", person.codiceFiscale));

    expect(token).toEqual({ sub: person.id, realm: "cassetto", sid: expect.any(String) });
    const session = await prisma.authSession.findUniqueOrThrow({ where: { id: (token as JWT).sid } });
    expect(session).toMatchObject({ realm: "CASSETTO", personId: person.id, operatorId: null, endedAt: null });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(2 * 60 * 60 * 1000);
    expect(securityEvents).toHaveBeenCalledWith({ type: "sign-in", realm: "cassetto", codiceFiscale: person.codiceFiscale, ...origin });
  });

  it("refuses an unknown identity with its reason, logs it and opens no session", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id, "OPERATORE", false);

    const outcome = await signIn("fascicolo", await demoUser("fascicolo", operator.codiceFiscale));

    expect(outcome).toBe("/fascicolo/accesso?error=operator-not-enabled");
    expect(await prisma.authSession.count({ where: { operatorId: operator.id } })).toBe(0);
    expect(securityEvents).toHaveBeenCalledWith({
      type: "sign-in-refused",
      realm: "fascicolo",
      codiceFiscale: operator.codiceFiscale,
      ...origin,
      reason: "operator-not-enabled",
    });
  });

  it("refuses an identity provider's claims without a valid codice fiscale", async () => {
    stubProductionEnv();
    const provider = authOptionsFor("cassetto").providers[0] as unknown as {
      profile(claims: Record<string, unknown>): Promise<User>;
    };
    for (const [claims, refusal] of [
      [{ sub: "a" }, "fiscal-number-missing"],
      [{ sub: "b", [FISCAL_NUMBER_CLAIM]: "RSSMRA80A01H501U" }, "fiscal-number-malformed"],
      [{ sub: "c", [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA80A01H501X" }, "codice-fiscale-invalid"],
    ] as const) {
      const user = await provider.profile(claims);
      expect(await signIn("cassetto", user)).toBe(`/accesso?error=${refusal}`);
    }
    expect(securityEvents).toHaveBeenCalledTimes(3);
    expect(securityEvents.mock.calls.every(([event]) => event.type === "sign-in-refused" && event.codiceFiscale === undefined)).toBe(true);
  });

  it("clears sessions over for more than a day when someone signs in", async () => {
    const person = await createPerson();
    const now = new Date();
    const old = await startSession("cassetto", person.id, at(now, -minutes(27 * 60)));
    const recent = await startSession("cassetto", person.id, at(now, -minutes(60)));

    await startSession("cassetto", person.id, now);

    expect(await prisma.authSession.findUnique({ where: { id: old } })).toBeNull();
    expect(await prisma.authSession.findUnique({ where: { id: recent } })).not.toBeNull();
  });
});

describe("checkSession", () => {
  it("refuses a session after sign-out: a copy of the cookie opens nothing", async () => {
    const person = await createPerson();
    const now = new Date();
    const token = (await signIn("cassetto", await demoUser("cassetto", person.codiceFiscale))) as JWT;
    expect(await checkSession("cassetto", token.sid!, person.id, now)).toBe(true);

    await runAuthRequest({ realm: "cassetto", origin }, async () =>
      authOptionsFor("cassetto").events!.signOut!({ token, session: undefined as never }),
    );

    expect(await checkSession("cassetto", token.sid!, person.id, now)).toBe(false);
    expect(await prisma.authSession.findUnique({ where: { id: token.sid } })).toMatchObject({ endReason: "SIGN_OUT" });
    expect(securityEvents).toHaveBeenLastCalledWith({
      type: "sign-out",
      realm: "cassetto",
      codiceFiscale: person.codiceFiscale,
      ...origin,
    });
  });

  it("refuses a session of another subject, of the other realm, expired or unknown", async () => {
    const person = await createPerson();
    const other = await createPerson();
    const now = new Date();
    const sid = await startSession("cassetto", person.id, now);

    expect(await checkSession("cassetto", sid, other.id, now)).toBe(false);
    expect(await checkSession("fascicolo", sid, person.id, now)).toBe(false);
    expect(await checkSession("cassetto", sid, person.id, at(now, minutes(120)))).toBe(false);
    expect(await checkSession("cassetto", "0190b7f1-7b1a-7cc0-8a00-000000000000", person.id, now)).toBe(false);
    // A contributor has no idle timeout: the session lasts its two hours.
    expect(await checkSession("cassetto", sid, person.id, at(now, minutes(119)))).toBe(true);
  });

  it("ends an operator's sessions once the operator is deactivated, for good", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const now = new Date();
    const sid = await startSession("fascicolo", operator.id, now);
    expect(await checkSession("fascicolo", sid, operator.id, now, origin)).toBe(true);

    await prisma.operator.update({ where: { id: operator.id }, data: { active: false } });
    expect(await checkSession("fascicolo", sid, operator.id, now, origin)).toBe(false);
    expect(securityEvents).toHaveBeenCalledWith({
      type: "session-revoked",
      realm: "fascicolo",
      codiceFiscale: operator.codiceFiscale,
      ...origin,
      reason: "operator deactivated",
    });

    await prisma.operator.update({ where: { id: operator.id }, data: { active: true } });
    expect(await checkSession("fascicolo", sid, operator.id, now)).toBe(false);
    expect(await prisma.authSession.findUnique({ where: { id: sid } })).toMatchObject({ endReason: "OPERATOR_DEACTIVATED" });
  });

  it("ends an operator's session idle past the timeout, default 30 minutes, each request moving it on", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const start = new Date();
    const sid = await startSession("fascicolo", operator.id, start);

    expect(await checkSession("fascicolo", sid, operator.id, at(start, minutes(29)))).toBe(true);
    expect(await checkSession("fascicolo", sid, operator.id, at(start, minutes(58)))).toBe(true);
    expect(await checkSession("fascicolo", sid, operator.id, at(start, minutes(89)))).toBe(false);
    expect(await prisma.authSession.findUnique({ where: { id: sid } })).toMatchObject({ endReason: "IDLE_TIMEOUT" });
  });

  it("takes the idle timeout from OPERATOR_IDLE_TIMEOUT_MINUTES", async () => {
    vi.stubEnv("OPERATOR_IDLE_TIMEOUT_MINUTES", "5");
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const start = new Date();
    const sid = await startSession("fascicolo", operator.id, start);

    expect(await checkSession("fascicolo", sid, operator.id, at(start, minutes(4)))).toBe(true);
    expect(await checkSession("fascicolo", sid, operator.id, at(start, minutes(10)))).toBe(false);
  });

  it("writes an operator's activity at most once a minute", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const start = new Date();
    const sid = await startSession("fascicolo", operator.id, start);
    const lastSeen = async () => (await prisma.authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;

    await checkSession("fascicolo", sid, operator.id, at(start, 30_000));
    expect(await lastSeen()).toEqual(start);
    await checkSession("fascicolo", sid, operator.id, at(start, 61_000));
    expect(await lastSeen()).toEqual(at(start, 61_000));
  });
});

describe("endAllSessions", () => {
  it("ends every session of the subject in that realm, and no one else's", async () => {
    const person = await createPerson();
    const other = await createPerson();
    const now = new Date();
    const laptop = await startSession("cassetto", person.id, now);
    const phone = await startSession("cassetto", person.id, now);
    const someoneElse = await startSession("cassetto", other.id, now);

    expect(await endAllSessions("cassetto", person.id, now, origin)).toBe(2);

    expect(await checkSession("cassetto", laptop, person.id, now)).toBe(false);
    expect(await checkSession("cassetto", phone, person.id, now)).toBe(false);
    expect(await checkSession("cassetto", someoneElse, other.id, now)).toBe(true);
    expect(securityEvents).toHaveBeenCalledWith({
      type: "sign-out",
      realm: "cassetto",
      codiceFiscale: person.codiceFiscale,
      ...origin,
      reason: "all devices (2 sessions)",
    });
  });

  it("leaves nothing behind for a second sign-out of an ended session", async () => {
    const person = await createPerson();
    const now = new Date();
    const sid = await startSession("cassetto", person.id, now);
    await endSession("cassetto", sid, person.id, now);
    securityEvents.mockClear();

    await endSession("cassetto", sid, person.id, at(now, 1000));

    expect(securityEvents).not.toHaveBeenCalled();
    expect(await prisma.authSession.findUnique({ where: { id: sid } })).toMatchObject({ endedAt: now });
  });
});
