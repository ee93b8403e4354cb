import { z } from "zod";

/**
 * Environment parsed and validated once, at start-up (scripts/start.ts and
 * src/instrumentation.ts). A production start without its secrets stops with
 * one clear line per missing variable instead of failing later.
 */

const optionalUrl = z.url({ message: "deve essere un URL valido" }).optional();

const envSchema = z.object({
  APP_ENV: z.enum(["demo", "production"], { message: "deve valere demo o production" }).default("demo"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: "deve essere un URL valido" }).default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "deve essere un URL postgres://" })
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  AUTH_SECRET: z.string().min(32, { message: "deve essere lungo almeno 32 caratteri" }).optional(),
  OIDC_CONTRIBUENTI_ISSUER: optionalUrl,
  OIDC_CONTRIBUENTI_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CONTRIBUENTI_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_OPERATORI_ISSUER: optionalUrl,
  OIDC_OPERATORI_CLIENT_ID: z.string().min(1).optional(),
  OIDC_OPERATORI_CLIENT_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Variables a production start cannot do without. */
export const requiredInProduction = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "OIDC_CONTRIBUENTI_ISSUER",
  "OIDC_CONTRIBUENTI_CLIENT_ID",
  "OIDC_CONTRIBUENTI_CLIENT_SECRET",
  "OIDC_OPERATORI_ISSUER",
  "OIDC_OPERATORI_CLIENT_ID",
  "OIDC_OPERATORI_CLIENT_SECRET",
] as const;

export type AppConfig = z.infer<typeof envSchema> & { isDemo: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configurazione non valida:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings (e.g. `FOO=` in a compose file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const config = parsed.data;
  if (config.APP_ENV === "production") {
    const missing = requiredInProduction.filter((name) => config[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: obbligatoria con APP_ENV=production`));
    }
  }
  return { ...config, isDemo: config.APP_ENV !== "production" };
}

/**
 * The process's configuration. Parsed on each call (it is cheap) so that it
 * always reflects the environment the process runs with.
 */
export function getConfig(): AppConfig {
  return parseConfig(process.env);
}
