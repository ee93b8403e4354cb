import { cache } from "react";
import { z } from "zod";

/**
 * Environment parsed and validated once, at start-up (scripts/start.ts and
 * src/instrumentation.ts). A production start without its secrets stops with
 * one clear line per missing variable instead of failing later.
 */

const optionalUrl = z.url({ message: "deve essere un URL valido" }).optional();
const optionalSmtpUrl = z
  .string()
  .regex(/^smtps?:\/\/[^/]/, { message: "deve essere un URL smtp:// o smtps://" })
  .optional();
const optionalText = z.string().min(1).optional();
/** Minutes that divide the hour, so that the sweeps' cron schedule runs at even intervals. */
const sweepIntervals = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

/** A rate limit as `<requests>/<seconds>`: that many requests per window, per person (decision 0015). */
const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,5}\/[1-9]\d{0,5}$/, { message: "deve avere la forma <richieste>/<secondi>, ad esempio 10/60" })
        .transform((value) => {
          const [points, seconds] = value.split("/").map(Number);
          return { points, seconds };
        }),
    );
/** A duration in milliseconds within bounds, for the database's timeouts. */
const milliseconds = (min: number, max: number) =>
  z.coerce
    .number({ message: "deve essere un numero di millisecondi" })
    .int({ message: "deve essere un numero intero di millisecondi" })
    .min(min, { message: `deve essere almeno ${min} ms` })
    .max(max, { message: `deve essere al massimo ${max} ms` });

/** A whole number of `unit` within bounds, for counts and durations, with messages naming the unit. */
const wholeNumber = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ message: `deve essere un numero di ${unit}` })
    .int({ message: `deve essere un numero intero di ${unit}` })
    .min(min, { message: `deve essere almeno ${min} (${unit})` })
    .max(max, { message: `deve essere al massimo ${max} (${unit})` });

const envSchema = z.object({
  APP_ENV: z.enum(["demo", "production"], { message: "deve valere demo o production" }).default("demo"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: "deve essere un URL valido" }).default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "deve essere un URL postgres://" })
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Where uploaded files live: the local disk under DATA_DIR, or an S3-compatible bucket shared by every instance (decision 0024). */
  STORAGE: z.enum(["disk", "s3"], { message: "deve valere disk o s3" }).default("disk"),
  /** Unset: Amazon S3's own endpoint for S3_REGION. */
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: "deve essere un nome di bucket valido (3–63 tra minuscole, cifre, punti e trattini)",
    })
    .optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Unset (both): the SDK's default chain (environment, instance or task role). */
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  /** `true` for MinIO and most S3-compatible servers: the bucket in the path, not in the host name. */
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], { message: "deve valere true o false" })
    .default("false")
    .transform((value) => value === "true"),
  // Below Linux's ephemeral ports (32768–60999), which outgoing connections hold (docs/decisions/0010).
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(24329),
  AUTH_SECRET: z.string().min(32, { message: "deve essere lungo almeno 32 caratteri" }).optional(),
  /** Keys the questionnaire's "one answer per person" hashes (decision 0039); never shown, never logged. */
  QUESTIONNAIRE_SECRET: z.string().min(32, { message: "deve essere lungo almeno 32 caratteri" }).optional(),
  OIDC_CONTRIBUENTI_ISSUER: optionalUrl,
  OIDC_CONTRIBUENTI_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CONTRIBUENTI_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_OPERATORI_ISSUER: optionalUrl,
  OIDC_OPERATORI_CLIENT_ID: z.string().min(1).optional(),
  OIDC_OPERATORI_CLIENT_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: optionalSmtpUrl,
  MAIL_FROM: optionalText,
  PEC_SMTP_URL: optionalSmtpUrl,
  PEC_FROM: optionalText,
  /** `false`: a new SMTP connection per message; `true`: each worker keeps a pool per SMTP account (decision 0026). */
  SMTP_POOL: z
    .enum(["true", "false"], { message: "deve valere true o false" })
    .default("true")
    .transform((value) => value === "true"),
  SMTP_POOL_MAX_CONNECTIONS: wholeNumber("connessioni", 1, 100).default(10),
  /** Messages one pooled connection carries before it is replaced (some servers close long sessions). */
  SMTP_POOL_MAX_MESSAGES: wholeNumber("messaggi", 1, 100_000).default(100),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, { message: "deve essere un Account SID di Twilio (AC seguito da 32 cifre esadecimali)" })
    .optional(),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_FROM: z
    .string()
    .regex(/^(\+[1-9]\d{5,14}|MG[0-9a-fA-F]{32}|[A-Za-z0-9]{1,11})$/, {
      message: "deve essere un numero in formato internazionale (+39…), un mittente alfanumerico o un Messaging Service SID",
    })
    .optional(),
  TWILIO_API_URL: optionalUrl,
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** `separate` when the worker runs as its own process (`npm run worker`), e.g. scaled apart from the app. */
  NOTIFICATION_WORKER: z.enum(["in-process", "separate"], { message: "deve valere in-process o separate" }).default("in-process"),
  NOTIFICATION_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * pg-boss's own upkeep (decision 0026): a finished job (completed or failed) moves to
   * the archive this long after it finished, and leaves the archive after
   * QUEUE_DELETE_AFTER_DAYS. At least 60 s: pg-boss turns its cron scheduler off below.
   */
  QUEUE_ARCHIVE_AFTER_SECONDS: wholeNumber("secondi", 60, 7 * 24 * 3600).default(3600),
  QUEUE_DELETE_AFTER_DAYS: wholeNumber("giorni", 1, 90).default(3),
  /** How often one of the workers archives and deletes (pg-boss runs it once whatever the number of workers). */
  QUEUE_MAINTENANCE_INTERVAL_SECONDS: wholeNumber("secondi", 10, 3600).default(120),
  /** How often the worker sweeps staging folders, orphan files and stalled notifications. */
  SWEEP_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .refine((minutes) => sweepIntervals.includes(minutes), {
      message: `deve dividere l'ora: uno tra ${sweepIntervals.join(", ")}`,
    })
    .default(15),
  /** Age under which a staging folder or an unreferenced stored file is left alone: it may belong to a submission in progress. */
  SWEEP_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(10, { message: "deve essere almeno 10 (minuti)" })
    .max(7 * 24 * 60, { message: "deve essere al massimo 10080 (una settimana)" })
    .default(60),
  /**
   * How long the audit log keeps its entries (accesses and administrative changes), in months; the maintenance
   * sweep removes older ones. At least 6: the Garante's rule for administrators' access logs (decision 0045).
   */
  AUDIT_RETENTION_MONTHS: wholeNumber("mesi", 6, 120).default(6),
  /** Service levels (B4): the assignee of a quesito is warned this many working days before its due date. */
  SLA_WARNING_WORKING_DAYS: wholeNumber("giorni lavorativi", 1, 60).default(5),
  /** `true` behind a reverse proxy that appends the caller's address to X-Forwarded-For (decision 0015). */
  TRUST_PROXY: z
    .enum(["true", "false"], { message: "deve valere true o false" })
    .default("false")
    .transform((value) => value === "true"),
  RATE_LIMIT_SIGN_IN: rateLimit("10/60"),
  RATE_LIMIT_DELEGATIONS: rateLimit("10/3600"),
  RATE_LIMIT_CONTACTS: rateLimit("10/3600"),
  RATE_LIMIT_SUBMISSIONS: rateLimit("20/600"),
  RATE_LIMIT_EXPORTS: rateLimit("10/600"),
  RATE_LIMIT_IMPORTS: rateLimit("20/600"),
  RATE_LIMIT_REPLIES: rateLimit("60/600"),
  /** From one address come many people (an office behind one NAT): its limit is this many times a person's. */
  RATE_LIMIT_IP_FACTOR: z.coerce.number({ message: "deve essere un numero" }).int().min(1).max(1000).default(10),
  /** An operator's session ends after this long without a request (decision 0014). */
  OPERATOR_IDLE_TIMEOUT_MINUTES: z.coerce
    .number({ message: "deve essere un numero di minuti" })
    .int({ message: "deve essere un numero intero di minuti" })
    .min(1, { message: "deve valere almeno 1 minuto" })
    .max(600, { message: "deve valere al massimo 600 minuti (la durata massima di una sessione)" })
    .default(30),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1, { message: "deve essere almeno 1" }).max(500).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(100, 120_000).default(10_000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(100, 3_600_000).default(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(100, 3_600_000).default(30_000),
  DATABASE_TRANSACTION_MAX_WAIT_MS: milliseconds(100, 120_000).default(10_000),
  DATABASE_TRANSACTION_TIMEOUT_MS: milliseconds(100, 3_600_000).default(20_000),
  /** `true` only for `npm run bench:pages`: serves /dev/pagina-minima, the floor the pages are measured against (decision 0025). */
  BENCH_FLOOR_PAGE: z
    .enum(["true", "false"], { message: "deve valere true o false" })
    .default("false")
    .transform((value) => value === "true"),
});

/** Variables a production start cannot do without. */
export const requiredInProduction = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "QUESTIONNAIRE_SECRET",
  "OIDC_CONTRIBUENTI_ISSUER",
  "OIDC_CONTRIBUENTI_CLIENT_ID",
  "OIDC_CONTRIBUENTI_CLIENT_SECRET",
  "OIDC_OPERATORI_ISSUER",
  "OIDC_OPERATORI_CLIENT_ID",
  "OIDC_OPERATORI_CLIENT_SECRET",
] as const;

/**
 * What the notification worker needs to deliver in production: both SMTP
 * accounts and Twilio. Outside production an unset channel is captured under
 * DATA_DIR/mail instead (docs/decisions/0008). Checked where the worker starts
 * (`deliveryConfigProblems`), not by the web app, which only enqueues.
 */
export const requiredForDeliveryInProduction = [
  "SMTP_URL",
  "MAIL_FROM",
  "PEC_SMTP_URL",
  "PEC_FROM",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_FROM",
] as const;

const twilioVariables = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const;
const s3KeyVariables = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/** The variables that must come together: all given or none (the first given named in each message). */
function incompleteGroup(config: Record<string, unknown>, group: readonly string[]): string[] {
  const given = group.filter((name) => config[name] !== undefined);
  if (given.length === 0 || given.length === group.length) return [];
  return group.filter((name) => config[name] === undefined).map((name) => `${name}: obbligatoria insieme a ${given.join(", ")}`);
}

export type AppConfig = z.infer<typeof envSchema> & {
  isDemo: boolean;
  /** Cookies get `Secure` when the portal is served over https. */
  secureCookies: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configurazione non valida:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * The oldest Node.js major the portal runs on (decision 0052): Node 20 is past
 * its end of life, and under sustained load it keeps finished requests in
 * memory (React's renderer reaches them through each request's async store).
 */
export const MIN_NODE_MAJOR = 24;

/** Why this Node.js (`process.version`) cannot run the portal, or null when it can. */
export function nodeVersionProblem(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= MIN_NODE_MAJOR) return null;
  return `Serve Node.js ${MIN_NODE_MAJOR} o successivo, non ${version}. Su Linux x64 \`npm install\` lo installa nel progetto e gli script npm lo usano: avviare con \`npm start\` o \`npm run worker\`.`;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings (e.g. `FOO=` in a compose file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const config = parsed.data;
  const incomplete = [...incompleteGroup(config, twilioVariables), ...incompleteGroup(config, s3KeyVariables)];
  if (config.STORAGE === "s3" && config.S3_BUCKET === undefined) incomplete.push("S3_BUCKET: obbligatoria con STORAGE=s3");
  if (incomplete.length > 0) throw new ConfigError(incomplete);
  if (config.APP_ENV === "production") {
    const missing = requiredInProduction.filter((name) => config[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: obbligatoria con APP_ENV=production`));
    }
  }
  return { ...config, isDemo: config.APP_ENV !== "production", secureCookies: config.PUBLIC_URL.startsWith("https://") };
}

/** Why the notification worker may not start with this configuration (none: it may). */
export function deliveryConfigProblems(config: AppConfig): string[] {
  if (config.isDemo) return [];
  return requiredForDeliveryInProduction
    .filter((name) => config[name] === undefined)
    .map((name) => `${name}: obbligatoria con APP_ENV=production per inviare le notifiche`);
}

/** How the app talks to PostgreSQL: pool size and the timeouts that keep every wait bounded. */
export type DatabaseSettings = Pick<
  AppConfig,
  | "DATABASE_POOL_SIZE"
  | "DATABASE_CONNECT_TIMEOUT_MS"
  | "DATABASE_STATEMENT_TIMEOUT_MS"
  | "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS"
  | "DATABASE_TRANSACTION_MAX_WAIT_MS"
  | "DATABASE_TRANSACTION_TIMEOUT_MS"
>;

const databaseSettingNames = [
  "DATABASE_POOL_SIZE",
  "DATABASE_CONNECT_TIMEOUT_MS",
  "DATABASE_STATEMENT_TIMEOUT_MS",
  "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
  "DATABASE_TRANSACTION_MAX_WAIT_MS",
  "DATABASE_TRANSACTION_TIMEOUT_MS",
] as const satisfies readonly (keyof DatabaseSettings)[];

/**
 * `parse` of the named variables of an environment, kept until one of their
 * values changes: the pages and the proxy ask on every request, and each zod
 * parse of the variables cost far more than comparing their values (0.2 ms
 * against 0.01 ms for the whole schema; decision 0055). A refused environment
 * is not kept: it throws again at every call. The result is frozen, being
 * shared by every caller until the environment changes.
 */
function parsedUntilChanged<Parsed extends object>(
  names: readonly string[],
  parse: (env: Record<string, string | undefined>) => Parsed,
): (env: Record<string, string | undefined>) => Parsed {
  let last: { values: (string | undefined)[]; parsed: Parsed } | undefined;
  return (env) => {
    const values = names.map((name) => env[name]);
    if (last?.values.every((value, index) => value === values[index])) return last.parsed;
    const parsed = Object.freeze(parse(Object.fromEntries(names.map((name, index) => [name, values[index]]))));
    last = { values, parsed };
    return parsed;
  };
}

/** Some variables of an environment, read alone, without walking all of it; invalid values throw ConfigError like a start-up would. */
function settingsOf<Name extends keyof AppConfig>(names: readonly Name[], env: Record<string, string | undefined>): Pick<AppConfig, Name> {
  const config = parseConfig(Object.fromEntries(names.map((name) => [name, env[name]])));
  return Object.fromEntries(names.map((name) => [name, config[name]])) as Pick<AppConfig, Name>;
}

/** The database settings of an environment, read alone (scripts and tests open clients without the rest of the configuration). */
export function databaseSettings(env: Record<string, string | undefined> = process.env): DatabaseSettings {
  return settingsOf(databaseSettingNames, env);
}

/** What the proxy needs on every request (src/proxy.ts): the portal's address and its identity providers' (the security policy). */
export type ProxySettings = Pick<AppConfig, "PUBLIC_URL" | "OIDC_CONTRIBUENTI_ISSUER" | "OIDC_OPERATORI_ISSUER">;

/**
 * The proxy's settings, read alone: the proxy runs outside a render, where
 * getConfig would walk the whole environment and parse it on every request
 * (decision 0049).
 */
export function proxySettings(env: Record<string, string | undefined> = process.env): ProxySettings {
  return parseProxySettings(env);
}

const proxySettingNames = [
  "PUBLIC_URL",
  "OIDC_CONTRIBUENTI_ISSUER",
  "OIDC_OPERATORI_ISSUER",
] as const satisfies readonly (keyof ProxySettings)[];
const parseProxySettings = parsedUntilChanged(proxySettingNames, (env) => settingsOf(proxySettingNames, env));

const parseProcessConfig = parsedUntilChanged(Object.keys(envSchema.shape), parseConfig);

/**
 * The process's configuration, always as the environment the process runs
 * with says: parsed again only when one of its variables changed (tests set
 * them), and compared once per server render (React's `cache`, per request):
 * a page's services ask for it dozens of times (decisions 0031, 0055).
 */
export const getConfig = cache((): AppConfig => parseProcessConfig(process.env));
