import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { logSecurityEvent } from "@/server/security/security-events";
import { confirmAction, requestAction } from "../../../src/app/(cassetto)/cassetto/deleghe/actions";
import { readFlash } from "../../../src/app/(cassetto)/cassetto/deleghe/_lib/flash";
import { FLASH_PARAM } from "../../../src/app/_lib/form-flash";
import { cookieJar, redirectOf } from "../../support/server-actions";
import { createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

// The HTTP boundary of a server action: Next's request headers, cookies and redirect.
vi.mock("next/headers", async () => (await import("../../support/server-actions")).nextHeadersMock("198.51.100.70"));
vi.mock("next/navigation", async () => (await import("../../support/server-actions")).nextNavigationMock);
vi.mock("@/server/identity/session", () => ({ requireContributor: vi.fn() }));
vi.mock("@/server/security/security-events", () => ({ logSecurityEvent: vi.fn() }));

/** Posts a server action and reads back the outcome the page will show. */
async function post(action: (formData: FormData) => Promise<void>, fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  const location = await redirectOf(action(formData));
  return { location, flash: readFlash(cookieJar.get("cb.cassetto.deleghe"), location.searchParams.get(FLASH_PARAM) ?? undefined) };
}

describe("the form runner of server actions", () => {
  let actor: ContributorActor;

  beforeEach(async () => {
    cookieJar.clear();
    vi.mocked(logSecurityEvent).mockReset();
    actor = contributorActor(await createPerson("Delegato"));
    vi.mocked(requireContributor).mockReset().mockResolvedValue(actor);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses verification codes typed over the limit at their form, keeping the code typed", async () => {
    vi.stubEnv("RATE_LIMIT_DELEGATIONS", "2/3600");
    const delegationId = randomUUID();
    const attempt = (code: string) => post(confirmAction, { delegationId, code });

    expect((await attempt("11111111")).flash).toMatchObject({ tone: "danger", form: `conferma-${delegationId}` });
    const second = await attempt("22222222");
    expect(second.flash?.message).not.toMatch(/Troppe richieste/);

    const { location, flash } = await attempt("33333333");

    expect(location.pathname).toBe("/cassetto/deleghe");
    expect(location.hash).toBe(`#conferma-${delegationId}`);
    expect(flash).toMatchObject({
      tone: "danger",
      form: `conferma-${delegationId}`,
      message: expect.stringMatching(/^Troppe richieste in poco tempo: riprovare tra (59|60) minuti\.$/),
      values: { code: "33333333" },
    });
    expect(logSecurityEvent).toHaveBeenCalledWith({
      type: "rate-limited",
      realm: "cassetto",
      codiceFiscale: actor.codiceFiscale,
      ip: "198.51.100.70",
      target: "/cassetto/deleghe",
      reason: "delegations",
    });
  });

  it("counts delegation requests under the same limit, with what was typed kept", async () => {
    vi.stubEnv("RATE_LIMIT_DELEGATIONS", "1/3600");
    const typed = { holderCodiceFiscale: "RSSMRA78E14H501S", kind: "INTERMEDIARIO", matricole: "1234567890", validTo: "" };
    await post(requestAction, typed);

    const { flash } = await post(requestAction, typed);

    expect(flash).toMatchObject({ tone: "danger", form: "richiedi", message: expect.stringMatching(/^Troppe richieste/), values: typed });
  });
});
