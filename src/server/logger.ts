import pino from "pino";

/** The logger's settings, shared with tests that read what it writes. */
export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "comunicazione-bidirezionale" },
  redact: { paths: ["*.password", "*.secret", "*.token", "*.codiceFiscale"], censor: "[riservato]" },
};

/** Structured logs (JSON lines); the level comes from LOG_LEVEL. */
export const logger = pino(loggerOptions);
