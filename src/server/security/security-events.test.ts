import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";

describe("logSecurityEvent", () => {
  it("writes one structured event with who, what and from where, codice fiscale included", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    vi.resetModules();
    vi.doMock("@/server/logger", () => ({ logger: pino({ level: "info", redact: { paths: ["*.codiceFiscale"] } }, sink) }));
    const { logSecurityEvent } = await import("./security-events");
    logSecurityEvent({
      type: "sign-in-refused",
      realm: "cassetto",
      codiceFiscale: "RSSMRA78E14H501S",
      ip: "127.0.0.1",
      requestId: "r1",
      reason: "unknown identity",
    });
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({
      channel: "security",
      type: "sign-in-refused",
      realm: "cassetto",
      codiceFiscale: "RSSMRA78E14H501S",
      ip: "127.0.0.1",
      requestId: "r1",
    });
    vi.doUnmock("@/server/logger");
  });
});
