import { getServerSession } from "next-auth";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getOperator } from "@/server/identity/session";
import { endSession } from "@/server/identity/end-sessions";
import { startSession } from "@/server/identity/start-session";
import { SignInPage } from "../../../src/app/_components/sign-in-page";
import { createOffice, createOperator } from "../../support/fixtures";

// The HTTP boundary of a page: next-auth's reading of the session cookie, and Next's request cookies (next-auth's anti-forgery one).
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (name.includes("csrf-token") ? { value: "anti-contraffazione|firma" } : undefined) }),
}));

const IDLE_NOTICE = "La sessione è scaduta per inattività: accedi di nuovo.";

beforeEach(() => {
  vi.mocked(getServerSession).mockReset();
});

/** The office's sign-in page, as the browser gets it with the session cookie next-auth reads. */
async function signInPage(searchParams: { uscita?: string } = {}): Promise<string> {
  const page = await SignInPage({
    realm: "fascicolo",
    title: "Accesso operatori",
    lead: "Gli operatori accedono con l'identità aziendale INPS.",
    demoIdentities: null,
    providerLabel: "l'identità aziendale INPS",
    searchParams: { callbackUrl: "/fascicolo/quesiti", ...searchParams },
  });
  return renderToStaticMarkup(page);
}

/** An operator signed in `minutesAgo` and idle since; the session cookie names that session. */
async function operatorSession(minutesAgo: number) {
  const operator = await createOperator((await createOffice()).id);
  const sessionId = await startSession("fascicolo", operator.id, new Date(Date.now() - minutesAgo * 60_000));
  vi.mocked(getServerSession).mockResolvedValue({ realm: "fascicolo", subjectId: operator.id, sessionId });
  return { operator, sessionId };
}

describe("the sign-in page after an operator's session ended for idleness", () => {
  it("says so, as an alert screen readers announce", async () => {
    await operatorSession(31);
    expect(await getOperator()).toBeNull();

    const html = await signInPage();

    const alert = html.slice(html.indexOf(`<div role="alert"`));
    expect(alert.slice(0, alert.indexOf("</div></div>"))).toContain(IDLE_NOTICE);
  });

  it("says nothing of it for an open session, a sign-out, or no session at all", async () => {
    const { operator, sessionId } = await operatorSession(5);
    expect(await getOperator()).not.toBeNull();
    expect(await signInPage()).not.toContain(IDLE_NOTICE);

    await endSession("fascicolo", sessionId, operator.id, new Date());
    expect(await signInPage({ uscita: "1" })).not.toContain(IDLE_NOTICE);
    expect(await signInPage()).not.toContain(IDLE_NOTICE);

    vi.mocked(getServerSession).mockResolvedValue(null);
    expect(await signInPage()).not.toContain(IDLE_NOTICE);
  });
});
