import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logSecurityEvent } from "@/server/security/security-events";
import { refuseSignInOverLimit } from "../../../src/app/_lib/http/sign-in-limit";

vi.mock("@/server/security/security-events", () => ({ logSecurityEvent: vi.fn() }));

/** The demo sign-in form as the browser posts it to next-auth. */
function demoSignIn(codiceFiscale: string, address: string): Request {
  return new Request("http://localhost:3000/api/auth/callback/cassetto-demo", {
    method: "POST",
    body: new URLSearchParams({ csrfToken: "t", callbackUrl: "/cassetto", codiceFiscale }),
    headers: { "x-forwarded-for": address },
  });
}

describe("the sign-in limit", () => {
  beforeEach(() => {
    vi.mocked(logSecurityEvent).mockReset();
    vi.stubEnv("RATE_LIMIT_SIGN_IN", "2/60");
    vi.stubEnv("RATE_LIMIT_IP_FACTOR", "2");
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("sends a codice fiscale signed in too often back to the sign-in page, which says so", async () => {
    expect(await refuseSignInOverLimit(demoSignIn("rssmra78e14h501s", "192.0.2.1"), "cassetto", "callback")).toBeNull();
    expect(await refuseSignInOverLimit(demoSignIn(" RSSMRA78E14H501S", "192.0.2.2"), "cassetto", "callback")).toBeNull();

    const response = await refuseSignInOverLimit(demoSignIn("RSSMRA78E14H501S", "192.0.2.3"), "cassetto", "callback");

    expect(response?.status).toBe(303);
    expect(response?.headers.get("location")).toBe("/accesso?error=RateLimited");
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response?.headers.get("ratelimit-policy")).toBe('"sign-in";q=2;w=60');
    expect(logSecurityEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: "rate-limited", realm: "cassetto", codiceFiscale: "RSSMRA78E14H501S", reason: "sign-in" }),
    );
  });

  it("stops one address trying many identities, and leaves sign-out and other calls alone", async () => {
    for (const codiceFiscale of ["A", "B", "C", "D"]) {
      expect(await refuseSignInOverLimit(demoSignIn(codiceFiscale, "192.0.2.9"), "fascicolo", "callback")).toBeNull();
    }
    const response = await refuseSignInOverLimit(demoSignIn("E", "192.0.2.9"), "fascicolo", "callback");
    expect(response?.headers.get("location")).toBe("/fascicolo/accesso?error=RateLimited");

    expect(await refuseSignInOverLimit(demoSignIn("E", "192.0.2.9"), "fascicolo", "signout")).toBeNull();
    const get = new Request("http://localhost:3000/api/auth/signin", { headers: { "x-forwarded-for": "192.0.2.9" } });
    expect(await refuseSignInOverLimit(get, "fascicolo", "signin")).toBeNull();
  });
});
