import { defineConfig } from "@playwright/test";
import { e2ePgPort, e2ePort } from "./tests/e2e/support/ports";

const baseURL = `http://localhost:${e2ePort}`;

/** Debian's Chromium (Playwright cannot download its own browsers here). */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  // Every visited page runs axe, a CSP and a reflow check (tests/e2e/support/page-checks.ts): slow on a loaded machine.
  timeout: 120_000,
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    trace: "retain-on-failure",
  },
  // The built app (next build ran in `npm run test:e2e`) on a fresh embedded database.
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    // A clean stop (the start script stops its database), not a SIGKILL of the group.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    env: {
      PORT: String(e2ePort),
      PUBLIC_URL: baseURL,
      DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: String(e2ePgPort),
      APP_ENV: "demo",
      LOG_LEVEL: "warn",
      // Parallel specs sign the same demo people in many times a minute; the limit itself is tested in the
      // integration tier and across two instances (two-instances.spec.ts), which set their own.
      RATE_LIMIT_SIGN_IN: "60/60",
    },
  },
});
