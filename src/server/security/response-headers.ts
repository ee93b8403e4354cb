import type { AppConfig } from "@/server/config";

/**
 * The headers that depend on the request (a fresh nonce) or on the runtime
 * configuration (https, identity providers), set by `src/proxy.ts` on every
 * response. The fixed ones (nosniff, Referrer-Policy, ...) are in next.config.ts.
 * See docs/decisions/0013-content-security-policy-and-reflow-checks.md.
 */

type PolicyConfig = Pick<AppConfig, "PUBLIC_URL" | "OIDC_CONTRIBUENTI_ISSUER" | "OIDC_OPERATORI_ISSUER">;

/** A nonce for one response: 128 random bits, base64 as CSP's nonce-source wants. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Where a form may send the browser. The production sign-in posts to our own
 * next-auth route, which redirects to the identity provider; Chromium applies
 * `form-action` to the redirects of a form submission too, so the providers'
 * origins (their authorization and end-session endpoints live there) are allowed.
 */
function formActionSources(config: PolicyConfig): string[] {
  const issuers = [config.OIDC_CONTRIBUENTI_ISSUER, config.OIDC_OPERATORI_ISSUER].filter(
    (issuer): issuer is string => issuer !== undefined,
  );
  return ["'self'", ...new Set(issuers.map((issuer) => new URL(issuer).origin))];
}

function isHttps(config: PolicyConfig): boolean {
  return new URL(config.PUBLIC_URL).protocol === "https:";
}

export function contentSecurityPolicy(config: PolicyConfig, nonce: string, { development = false } = {}): string {
  const directives = [
    "default-src 'self'",
    // React's development build rebuilds server error stacks with eval; production never needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${formActionSources(config).join(" ")}`,
    ...(isHttps(config) ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export type SecurityResponseHeaders = {
  "Content-Security-Policy": string;
  "Strict-Transport-Security"?: string;
};

/** Content-Security-Policy, and Strict-Transport-Security when the portal is served over https. */
export function securityResponseHeaders(
  config: PolicyConfig,
  nonce: string,
  options: { development?: boolean } = {},
): SecurityResponseHeaders {
  return {
    "Content-Security-Policy": contentSecurityPolicy(config, nonce, options),
    ...(isHttps(config) ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
