import { describe, expect, it } from "vitest";
import { prefixedCookieName } from "./cookie-names";

describe("prefixedCookieName", () => {
  it("uses __Host- over https for cookies of the whole site", () => {
    expect(prefixedCookieName("cb.cassetto.session-token", { secure: true, path: "/" })).toBe("__Host-cb.cassetto.session-token");
  });

  it("uses __Secure- over https for a cookie scoped to a path (__Host- requires path /)", () => {
    expect(prefixedCookieName("cb.fascicolo.esito", { secure: true, path: "/fascicolo/quesiti" })).toBe("__Secure-cb.fascicolo.esito");
  });

  it("keeps the plain name over http, where browsers would refuse prefixed cookies", () => {
    expect(prefixedCookieName("cb.csrf-token", { secure: false, path: "/" })).toBe("cb.csrf-token");
    expect(prefixedCookieName("cb.fascicolo.esito", { secure: false, path: "/fascicolo/quesiti" })).toBe("cb.fascicolo.esito");
  });
});
