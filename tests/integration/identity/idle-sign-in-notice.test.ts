import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getOperator } from "@/server/identity/session";
import { endSession } from "@/server/identity/end-sessions";
import { startSession } from "@/server/identity/start-session";
import { SignInPage } from "../../../src/app/_components/sign-in-page";
import { createOffice, createOperator } from "../../support/fixtures";
import { sessionCookie, TEST_AUTH_SECRET } from "../../support/session-cookie";

/** The request's cookies besides next-auth's anti-forgery one: the session cookie, when a test sets it. */
const requestCookies = new Map<string, string>();

// The HTTP boundary of a page: Next's request headers and cookies.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) =>
      name.includes("csrf-token")
        ? { value: "anti-contraffazione|firma" }
        : requestCookies.has(name)
          ? { value: requestCookies.get(name) }
          : undefined,
  }),
}));

const IDLE_NOTICE = "La sessione è scaduta per inattività: accedi di nuovo.";

beforeEach(() => {
  requestCookies.clear();
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  vi.stubEnv("PUBLIC_URL", "http://localhost:3000");
});

afterEach(() => {
  vi.unstubAllEnvs();
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
  requestCookies.set(...(await sessionCookie("fascicolo", { sub: operator.id, realm: "fascicolo", sid: sessionId })));
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

    requestCookies.clear();
    expect(await signInPage()).not.toContain(IDLE_NOTICE);
  });
});
