import { afterEach, describe, expect, it, vi } from "vitest";
import { stubProductionEnv } from "../tests/support/production-env";
import { loadConfigOrExit } from "./process-setup";

describe("loadConfigOrExit", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("asks for the delivery channels in production only of a process that runs the worker", () => {
    stubProductionEnv();
    const exit = vi.spyOn(process, "exit").mockImplementation(() => {
      throw new Error("exit");
    });
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});

    expect(loadConfigOrExit(() => false).APP_ENV).toBe("production");
    expect(() => loadConfigOrExit(() => true)).toThrow("exit");
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed.mock.calls[0]?.[0]).toContain("SMTP_URL: obbligatoria con APP_ENV=production per inviare le notifiche");
  });
});
