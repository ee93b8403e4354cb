import { afterEach, describe, expect, it, vi } from "vitest";
import { stubProductionEnv } from "../../../tests/support/production-env";
import { authOptionsFor, csrfCookieName, realmOfAuthRoute, safeCallbackPath, sessionCookieName } from "./auth-options";

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
    expect(cassetto).toBe(sessionCookieName("cassetto", false));
    expect(fascicolo).toBe(sessionCookieName("fascicolo", false));
    expect(cassetto).not.toBe(fascicolo);
  });

  it("names every next-auth cookie with __Host- over https and plainly over http", () => {
    stubProductionEnv({ PUBLIC_URL: "https://cassetto.example.it" });
    const secureCookies = Object.values(authOptionsFor("fascicolo").cookies ?? {});
    expect(secureCookies.map((cookie) => cookie.name).sort()).toEqual([
      "__Host-cb.callback-url",
      "__Host-cb.csrf-token",
      "__Host-cb.fascicolo.nonce",
      "__Host-cb.fascicolo.pkce",
      "__Host-cb.fascicolo.session-token",
      "__Host-cb.fascicolo.state",
    ]);
    // What the browser demands of a __Host- cookie.
    for (const cookie of secureCookies) expect(cookie.options).toMatchObject({ secure: true, path: "/" });
    expect(csrfCookieName(true)).toBe("__Host-cb.csrf-token");

    vi.stubEnv("PUBLIC_URL", "http://localhost:3000");
    const plainCookies = Object.values(authOptionsFor("cassetto").cookies ?? {});
    expect(plainCookies.map((cookie) => cookie.name)).toContain("cb.cassetto.session-token");
    expect(plainCookies.every((cookie) => !cookie.name.startsWith("__") && cookie.options.secure === false)).toBe(true);
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
