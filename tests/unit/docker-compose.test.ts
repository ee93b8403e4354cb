import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { requiredInProduction } from "@/server/config";

// No Docker engine runs on our machines: this keeps the compose file honest by review.
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as {
  services: Record<string, { environment?: Record<string, string>; build?: string; image?: string }>;
};

describe("docker-compose.yml", () => {
  it("brings up the production-like set named in the README", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "mailpit", "minio", "postgres", "worker"]);
  });

  it("runs the app in production mode with every variable production requires", () => {
    const environment = compose.services.app?.environment ?? {};
    expect(environment.APP_ENV).toBe("production");
    for (const name of requiredInProduction) expect(environment, name).toHaveProperty(name);
    expect(environment.DATABASE_URL).toMatch(/@postgres:5432\//);
  });

  it("runs the notification worker as its own service with the app's environment", () => {
    const worker = compose.services.worker as { command?: string[]; environment?: Record<string, string> };
    expect(worker.command).toEqual(["npx", "tsx", "scripts/worker.ts"]);
    expect(worker.environment).toEqual(compose.services.app?.environment);
    expect(compose.services.app?.environment?.NOTIFICATION_WORKER).toBe("separate");
  });

  it("builds the app from this repository and pins the database to PostgreSQL 15", () => {
    expect(compose.services.app?.build).toBe(".");
    expect(compose.services.postgres?.image).toBe("postgres:15");
  });
});
