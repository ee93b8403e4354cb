import { describe, expect, it } from "vitest";
import { originVerdict } from "./origin";

const PUBLIC_URL = "https://cassetto.example.it";
const verdict = (headers: Record<string, string>) => originVerdict(new Headers(headers), PUBLIC_URL);

describe("originVerdict", () => {
  it("accepts the portal's own origin, from Origin or else Referer", () => {
    expect(verdict({ origin: "https://cassetto.example.it" })).toEqual({ sameOrigin: true });
    expect(verdict({ referer: "https://cassetto.example.it/cassetto/richieste/nuova?posizione=1" })).toEqual({ sameOrigin: true });
  });

  it("refuses another origin, another scheme or port, and the opaque origin", () => {
    expect(verdict({ origin: "http://evil.example" })).toEqual({ sameOrigin: false, reason: "origin http://evil.example" });
    expect(verdict({ origin: "http://cassetto.example.it" }).sameOrigin).toBe(false);
    expect(verdict({ origin: "https://cassetto.example.it:8443" }).sameOrigin).toBe(false);
    expect(verdict({ origin: "null" }).sameOrigin).toBe(false);
  });

  it("judges by Origin when both are sent, and refuses a foreign or malformed Referer", () => {
    expect(verdict({ origin: "http://evil.example", referer: "https://cassetto.example.it/" }).sameOrigin).toBe(false);
    expect(verdict({ referer: "http://evil.example/form.html" }).sameOrigin).toBe(false);
    expect(verdict({ referer: "not a url" }).sameOrigin).toBe(false);
  });

  it("lets through a request that no browser page sent (neither header)", () => {
    expect(verdict({})).toEqual({ sameOrigin: true });
  });
});
