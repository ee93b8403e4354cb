import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getContributorResolution, getOperator } from "@/server/identity/session";
import { startSession } from "@/server/identity/start-session";
import { createOffice, createOperator, createPerson, createPosition } from "../../support/fixtures";

// The HTTP boundary of a page: next-auth's reading of the session cookie, and Next's request headers.
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.23", "x-request-id": "edge-42" }),
  cookies: async () => ({ get: () => undefined }),
}));

beforeEach(() => {
  vi.mocked(getServerSession).mockReset();
});

describe("the actor resolved from a session", () => {
  it("carries where the contributor's request came from, for the security log", async () => {
    const office = await createOffice();
    const person = await createPerson();
    await createPosition(person.id, office.id);
    const sessionId = await startSession("cassetto", person.id, new Date());
    vi.mocked(getServerSession).mockResolvedValue({ realm: "cassetto", subjectId: person.id, sessionId });

    const resolution = await getContributorResolution();

    expect(resolution).toMatchObject({
      status: "ok",
      actor: { personId: person.id, origin: { ip: "198.51.100.23", requestId: "edge-42" } },
    });
  });

  it("carries where the operator's request came from", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const sessionId = await startSession("fascicolo", operator.id, new Date());
    vi.mocked(getServerSession).mockResolvedValue({ realm: "fascicolo", subjectId: operator.id, sessionId });

    const actor = await getOperator();

    expect(actor).toMatchObject({ operatorId: operator.id, origin: { ip: "198.51.100.23", requestId: "edge-42" } });
  });

  it("is nobody when the session has ended", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    vi.mocked(getServerSession).mockResolvedValue({
      realm: "fascicolo",
      subjectId: operator.id,
      sessionId: "00000000-0000-4000-8000-000000000000",
    });

    expect(await getOperator()).toBeNull();
  });
});
