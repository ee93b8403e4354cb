import { Writable } from "node:stream";
import pino from "pino";

/**
 * The JSON lines the app's logger writes, for tests that check what is
 * logged. A test file swaps the logger for this one:
 *
 *   vi.mock("@/server/logger", async (importOriginal) => {
 *     const actual = await importOriginal<typeof import("@/server/logger")>();
 *     const { capturingLogger } = await import("../../support/captured-logs");
 *     return { ...actual, logger: capturingLogger(actual.loggerOptions) };
 *   });
 */
export const capturedLogLines: string[] = [];

/** A logger with the app's own settings (levels, redaction) that writes into capturedLogLines. */
export function capturingLogger(options: pino.LoggerOptions): pino.Logger {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      capturedLogLines.push(String(chunk));
      done();
    },
  });
  return pino({ ...options, level: "info" }, sink);
}

/** The records logged so far, parsed. */
export function capturedLogRecords(): Record<string, unknown>[] {
  return capturedLogLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
