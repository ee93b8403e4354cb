import { afterEach, describe, expect, it, vi } from "vitest";
import { stubProductionEnv } from "../../../tests/support/production-env";
import { authOptionsFor, realmOfAuthRoute, safeCallbackPath, sessionCookieName } from "./auth-options";


afterEach(() => vi.unstubAllEnvs());

describe("authOptionsFor", () => {
  it("offers only the demo sign-in outside production", () => {
    vi.stubEnv("APP_ENV", "demo");
    expect(authOptionsFor("cassetto").providers.map((p) => p.id)).toEqual(["cassetto-demo"]);
    expect(authOptionsFor("fascicolo").providers.map((p) => p.id)).toEqual(["fascicolo-demo"]);
  });

  it("has no demo sign-in at all in production, only OpenID Connect", () => {
    stubProductionEnv({ PUBLIC_URL: "https://cassetto.example.it" });
    const cassetto = authOptionsFor("cassetto");
    expect(cassetto.providers.map((p) => p.id)).toEqual(["cassetto-spid"]);
    expect(cassetto.providers[0]).toMatchObject({
      type: "oauth",
      wellKnown: "https://identita.example.it/.well-known/openid-configuration",
      checks: ["pkce", "state", "nonce"],
    });
    expect(authOptionsFor("fascicolo").providers.map((p) => p.id)).toEqual(["fascicolo-intranet"]);
    expect(cassetto.useSecureCookies).toBe(true);
  });

  it("keeps the two realms' sessions in separate cookies", () => {
    vi.stubEnv("APP_ENV", "demo");
    const cassetto = authOptionsFor("cassetto").cookies?.sessionToken?.name;
    const fascicolo = authOptionsFor("fascicolo").cookies?.sessionToken?.name;
    expect(cassetto).toBe(sessionCookieName("cassetto"));
    expect(fascicolo).toBe(sessionCookieName("fascicolo"));
    expect(cassetto).not.toBe(fascicolo);
  });

  it("puts only the identity and the realm in the token", async () => {
    vi.stubEnv("APP_ENV", "demo");
    const jwt = authOptionsFor("fascicolo").callbacks!.jwt!;
    const token = await jwt({
      token: { name: "x", email: "x@example.it", picture: null },
      user: { id: "op-1", email: "x@example.it" },
      account: null,
    });
    expect(token).toEqual({ sub: "op-1", realm: "fascicolo" });
  });
});

describe("safeCallbackPath", () => {
  it("keeps paths of this site and drops anything else", () => {
    expect(safeCallbackPath("/cassetto?x=1")).toBe("/cassetto?x=1");
    expect(safeCallbackPath("https://evil.example.com/cassetto")).toBe("/");
    expect(safeCallbackPath("//evil.example.com/")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("http://localhost:3000/fascicolo", "http://localhost:3000")).toBe("/fascicolo");
  });
});

describe("realmOfAuthRoute", () => {
  it("takes the realm from the provider id, else from ?realm=", () => {
    expect(realmOfAuthRoute(["callback", "fascicolo-demo"], null)).toBe("fascicolo");
    expect(realmOfAuthRoute(["callback", "cassetto-demo"], "fascicolo")).toBe("cassetto");
    expect(realmOfAuthRoute(["signout"], "fascicolo")).toBe("fascicolo");
    expect(realmOfAuthRoute(["session"], null)).toBe("cassetto");
  });
});
