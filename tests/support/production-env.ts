import { vi } from "vitest";

/** A complete production environment with made-up secrets, for tests of what production mode allows. */
export const productionEnv = {
  APP_ENV: "production",
  DATABASE_URL: "postgres://cb@db:5432/cb",
  AUTH_SECRET: "x".repeat(48),
  QUESTIONNAIRE_SECRET: "q".repeat(48),
  OIDC_CONTRIBUENTI_ISSUER: "https://identita.example.it",
  OIDC_CONTRIBUENTI_CLIENT_ID: "cassetto",
  OIDC_CONTRIBUENTI_CLIENT_SECRET: "segreto",
  OIDC_OPERATORI_ISSUER: "https://intranet.example.it",
  OIDC_OPERATORI_CLIENT_ID: "fascicolo",
  OIDC_OPERATORI_CLIENT_SECRET: "segreto",
} as const;

/**
 * Runs the rest of the test in production mode (`vi.unstubAllEnvs()` switches
 * back). The test database, when there is one, stays the one in use.
 */
export function stubProductionEnv(overrides: Record<string, string> = {}): void {
  const env = { ...productionEnv, DATABASE_URL: process.env.DATABASE_URL ?? productionEnv.DATABASE_URL, ...overrides };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}
