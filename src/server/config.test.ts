import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const productionEnv = {
  APP_ENV: "production",
  DATABASE_URL: "postgres://cb@db:5432/cb",
  AUTH_SECRET: "x".repeat(48),
  OIDC_CONTRIBUENTI_ISSUER: "https://identita.example.it",
  OIDC_CONTRIBUENTI_CLIENT_ID: "cassetto",
  OIDC_CONTRIBUENTI_CLIENT_SECRET: "segreto",
  OIDC_OPERATORI_ISSUER: "https://intranet.example.it",
  OIDC_OPERATORI_CLIENT_ID: "fascicolo",
  OIDC_OPERATORI_CLIENT_SECRET: "segreto",
};

describe("parseConfig", () => {
  it("starts in demo mode with defaults and no secrets", () => {
    const config = parseConfig({});
    expect(config.isDemo).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("accepts a complete production environment", () => {
    const config = parseConfig(productionEnv);
    expect(config.isDemo).toBe(false);
    expect(config.DATABASE_URL).toBe("postgres://cb@db:5432/cb");
  });

  it("refuses a production start without its secrets, naming each one", () => {
    const { AUTH_SECRET: _secret, OIDC_OPERATORI_CLIENT_SECRET: _oidc, ...incomplete } = productionEnv;
    let error: unknown;
    try {
      parseConfig(incomplete);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "AUTH_SECRET: obbligatoria con APP_ENV=production",
      "OIDC_OPERATORI_CLIENT_SECRET: obbligatoria con APP_ENV=production",
    ]);
    expect((error as ConfigError).message).toContain("Configurazione non valida");
  });

  it("treats empty variables as unset", () => {
    expect(() => parseConfig({ ...productionEnv, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET: obbligatoria/);
  });

  it("rejects malformed values with a field-specific message", () => {
    expect(() => parseConfig({ PORT: "porta" })).toThrow(/PORT/);
    expect(() => parseConfig({ APP_ENV: "staging" })).toThrow(/APP_ENV: deve valere demo o production/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: deve essere un URL postgres/);
    expect(() => parseConfig({ ...productionEnv, AUTH_SECRET: "corto" })).toThrow(/AUTH_SECRET: deve essere lungo/);
  });
});
