import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityResponseHeaders } from "./response-headers";

const demo = { PUBLIC_URL: "http://localhost:3000" };
const production = {
  PUBLIC_URL: "https://cb.inps.example",
  OIDC_CONTRIBUENTI_ISSUER: "https://spid-proxy.example/oidc/op/",
  OIDC_OPERATORI_ISSUER: "https://intranet-idp.example:8443/realms/inps",
};

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive]));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts and styles only from the portal or with this response's nonce, and nothing framed or embedded", () => {
    const policy = directives(contentSecurityPolicy(demo, "bm9uY2U="));
    expect([...policy.values()]).toEqual([
      "default-src 'self'",
      "script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'",
      "style-src 'self' 'nonce-bm9uY2U='",
      "img-src 'self' data:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]);
  });

  it("lets forms lead to the identity providers' origins, each once, so the sign-in redirect after a post is not blocked", () => {
    const sameIssuer = { ...production, OIDC_OPERATORI_ISSUER: "https://spid-proxy.example/other" };
    expect(directives(contentSecurityPolicy(production, "n")).get("form-action")).toBe(
      "form-action 'self' https://spid-proxy.example https://intranet-idp.example:8443",
    );
    expect(directives(contentSecurityPolicy(sameIssuer, "n")).get("form-action")).toBe("form-action 'self' https://spid-proxy.example");
  });

  it("upgrades insecure requests over https and allows eval only in development", () => {
    expect(directives(contentSecurityPolicy(production, "n")).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy(demo, "n")).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy(demo, "n", { development: true })).get("script-src")).toBe(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    );
  });
});

describe("securityResponseHeaders", () => {
  it("sends Strict-Transport-Security only when the portal is served over https", () => {
    expect(securityResponseHeaders(production, "n")["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(securityResponseHeaders(demo, "n")).not.toHaveProperty("Strict-Transport-Security");
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
