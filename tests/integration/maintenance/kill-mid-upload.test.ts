import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { runMaintenanceSweep } from "@/server/maintenance/run-maintenance-sweep";
import { contributorActor, createSubjectTree } from "../../support/quesito-fixtures";
import { createHolderWithPosition } from "../../support/request-fixtures";
import { temporaryStorageForFile } from "../../support/request-files";
import { MINUTE } from "./planted-files";

// The fault of issue 9: the process is killed (SIGKILL) while submissions
// with files are under way. No row may lack its files; after the sweep, no
// file may lack its row and no staging folder may be left.

const storage = temporaryStorageForFile();
const submitter = fileURLToPath(new URL("../../support/submit-until-killed.ts", import.meta.url));

/** Every storage key a row refers to: attachments and bundles (no drafts here). */
async function referencedKeys(): Promise<string[]> {
  const attachments = await prisma.attachment.findMany({ select: { storageKey: true } });
  const bundles = await prisma.message.findMany({ where: { bundleKey: { not: null } }, select: { bundleKey: true } });
  return [...attachments.map((row) => row.storageKey), ...bundles.map((row) => row.bundleKey!)].sort();
}

/** Runs the submitter until `committed` requests are in, then kills it with SIGKILL. */
async function submitThenKill(orders: object, committed: number): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", submitter, JSON.stringify(orders)], {
    env: { ...process.env, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  let sent = 0;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      sent += chunk.toString().split("sent").length - 1;
      if (sent >= committed) resolve();
    });
    child.once("exit", () => reject(new Error(`The submitter stopped by itself:\n${errors}`)));
  });
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

describe("killing the process mid-upload", () => {
  it("leaves no row without its files and, after the sweep, no file without its row", { timeout: 120_000 }, async () => {
    const { holder, position } = await createHolderWithPosition("AZIENDE");
    const { subject } = await createSubjectTree("AZIENDE");
    await submitThenKill({ actor: contributorActor(holder), positionId: position.id, subjectId: subject.id, lanes: 4 }, 3);

    const rowsKeys = await referencedKeys();
    expect(await prisma.request.count()).toBeGreaterThanOrEqual(3);
    // Every row's files are there: files are stored before the transaction commits.
    expect(await storage.storedKeys()).toEqual(expect.arrayContaining(rowsKeys));
    // The lanes killed mid-way left their uploads in staging.
    expect((await readdir(storage.stagingRoot)).length).toBeGreaterThan(0);

    // Once the grace period has passed, the sweep leaves exactly the files the rows refer to.
    const later = new Date(Date.now() + 2 * 60 * MINUTE);
    const report = await runMaintenanceSweep({ databaseUrl: process.env.DATABASE_URL!, prisma, config: parseConfig(process.env) }, later);
    expect(report).not.toBeNull();
    expect(await storage.storedKeys()).toEqual(await referencedKeys());
    expect(await referencedKeys()).toEqual(rowsKeys);
    expect(await readdir(storage.stagingRoot)).toEqual([]);
  });
});
