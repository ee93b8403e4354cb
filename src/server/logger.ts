import pino from "pino";

/** Structured logs (JSON lines); the level comes from LOG_LEVEL. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "comunicazione-bidirezionale" },
  redact: { paths: ["*.password", "*.secret", "*.token", "*.codiceFiscale"], censor: "[riservato]" },
});
