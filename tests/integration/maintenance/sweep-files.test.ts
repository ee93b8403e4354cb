import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileStorageFor } from "@/server/attachments/file-storage";
import { messageFilesData, persistFiles } from "@/server/attachments/persist-files";
import { createStagingFolder, sweepStagingFolders } from "@/server/attachments/staging-folders";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { runMaintenanceSweep, type MaintenanceSweepReport } from "@/server/maintenance/run-maintenance-sweep";
import { MAINTENANCE_QUEUE } from "@/server/maintenance/maintenance-schedule";
import { sweepStoredFiles } from "@/server/maintenance/sweep-stored-files";
import { PGBOSS_SCHEMA } from "@/server/notifications/queue";
import { startNotificationWorker } from "@/server/worker/start-notification-worker";
import { createOffice, createOperator } from "../../support/fixtures";
import { waitFor } from "../../support/notification-servers";
import { stagePdf, STORAGE_BACKENDS, temporaryStorageForFile, type TemporaryStorage } from "../../support/request-files";
import { createMessageWithFiles, createRequestRecord } from "../attachments/records";
import { MINUTE, plantPartialFile, plantStagingFolder, plantStoredFile } from "./planted-files";

// The maintenance sweep of files: staging folders and stored files no row
// refers to go once they are older than the grace period (60 minutes by
// default), everything else stays — whatever the number of sweepers, on the
// local disk as in an S3-compatible bucket.

function sweepDependencies() {
  const config = parseConfig(process.env);
  return { databaseUrl: process.env.DATABASE_URL!, prisma, config };
}

/** A message whose two attachments and bundle are stored `minutes` ago; the three keys. */
async function referencedMessageFiles(storage: TemporaryStorage, minutes: number, now: Date): Promise<string[]> {
  const { request } = await createRequestRecord();
  const message = await createMessageWithFiles({ requestId: request.id, files: [await stagePdf("a.pdf"), await stagePdf("b.pdf")] });
  const keys = [...message.attachments.map((attachment) => attachment.storageKey), message.bundleKey!];
  for (const key of keys) await storage.age(key, minutes, now);
  return keys;
}

/** A form draft of a person, or of an operator (an office reply), whose file is stored `minutes` ago; its key. */
async function referencedDraftFile(
  storage: TemporaryStorage,
  minutes: number,
  now: Date,
  owner: "person" | "operator" = "person",
): Promise<string> {
  const { holder } = await createRequestRecord();
  const storageKey = await plantStoredFile(storage, "attachments", minutes, now);
  const ownership =
    owner === "person"
      ? { ownerPersonId: holder.id, purpose: "NUOVA_RICHIESTA" as const }
      : { ownerOperatorId: (await createOperator((await createOffice()).id)).id, purpose: "RISPOSTA_QUESITO" as const };
  await prisma.formDraft.create({
    data: {
      ...ownership,
      data: { values: {}, errors: {} },
      files: [{ key: randomUUID(), storageKey, fileName: "bozza.pdf", mimeType: "application/pdf", size: 9, sha256: "0".repeat(64) }],
      expiresAt: new Date(now.getTime() + 24 * 60 * MINUTE),
    },
  });
  return storageKey;
}

const removedKeys = (reports: (MaintenanceSweepReport | null)[]) => reports.flatMap((report) => report?.storedFiles.removed ?? []).sort();

describe.each(STORAGE_BACKENDS)("the maintenance sweep of files (storage: %s)", (backend) => {
  const storage = temporaryStorageForFile({ backend });

  it("removes staging folders and unreferenced stored files older than the grace period, and nothing else", async () => {
    const now = new Date();
    const kept = [
      ...(await referencedMessageFiles(storage, 120, now)),
      await referencedDraftFile(storage, 120, now),
      await referencedDraftFile(storage, 120, now, "operator"),
      // In flight: stored 5 minutes ago, the transaction that will refer to them not committed yet.
      await plantStoredFile(storage, "attachments", 5, now),
      await plantStoredFile(storage, "bundles", 59, now),
      ...(await referencedMessageFiles(storage, 5, now)),
    ];
    const orphans = [
      await plantStoredFile(storage, "attachments", 61, now),
      await plantStoredFile(storage, "attachments", 24 * 60, now),
      await plantStoredFile(storage, "bundles", 90, now),
    ];
    await plantStagingFolder(storage.stagingRoot, "upload-abbandonato", { folderMinutes: 120, fileMinutes: 120 }, now);
    await plantStagingFolder(storage.stagingRoot, "bundle-abbandonato", { folderMinutes: 61, fileMinutes: 90 }, now);
    // A slow upload: its folder was made long ago, its file is still being written.
    await plantStagingFolder(storage.stagingRoot, "upload-lento", { folderMinutes: 120, fileMinutes: 1 }, now);
    await plantStagingFolder(storage.stagingRoot, "upload-in-corso", { folderMinutes: 2, fileMinutes: 2 }, now);

    const report = await runMaintenanceSweep(sweepDependencies(), now);

    expect(report?.storedFiles.removed.sort()).toEqual(orphans.sort());
    expect(report?.stagingFolders.sort()).toEqual(["bundle-abbandonato", "upload-abbandonato"]);
    expect(await storage.storedKeys()).toEqual([...kept].sort());
    expect((await readdir(storage.stagingRoot)).sort()).toEqual(["upload-in-corso", "upload-lento"]);

    // A second sweep finds nothing more to do.
    const again = await runMaintenanceSweep(sweepDependencies(), now);
    expect(again).toMatchObject({ stagingFolders: [], storedFiles: { removed: [], unfinished: 0 } });
    expect(await storage.storedKeys()).toEqual([...kept].sort());
  });

  it("never removes the files of a submission in progress, which are younger than the grace period", async () => {
    const { request } = await createRequestRecord();
    const stagingFolder = await createStagingFolder("upload");
    // Stored, the transaction that refers to them not committed yet: a sweep now leaves them alone.
    const persisted = await persistFiles([await stagePdf("in-corso.pdf")]);
    const stored = [persisted.attachments[0]!.storageKey, persisted.bundle!.key];
    const during = await runMaintenanceSweep(sweepDependencies());
    expect(during?.storedFiles.removed).toEqual([]);
    expect(during?.stagingFolders).toEqual([]);
    expect(await readdir(storage.stagingRoot)).toContain(path.basename(stagingFolder));

    // Committed, they are referenced: even long after, they stay.
    await prisma.message.create({ data: { requestId: request.id, body: "Con allegato.", ...messageFilesData(persisted) } });
    // (The in-flight files the first test planted, never committed, are old by then and go.)
    const later = await runMaintenanceSweep(sweepDependencies(), new Date(Date.now() + 3 * 60 * MINUTE));
    expect(later?.storedFiles.removed.length).toBeGreaterThan(0);
    expect(later?.storedFiles.removed).not.toEqual(expect.arrayContaining([stored[0]]));
    expect(later?.storedFiles.removed).not.toEqual(expect.arrayContaining([stored[1]]));
    expect(await storage.storedKeys()).toEqual(expect.arrayContaining(stored));
    expect(later?.stagingFolders).toContain(path.basename(stagingFolder));
  });

  it("with two sweeps at once, deletes each orphan once and nothing else", async () => {
    const now = new Date();
    const kept = [
      ...(await storage.storedKeys()),
      ...(await referencedMessageFiles(storage, 120, now)),
      await plantStoredFile(storage, "attachments", 10, now),
    ];
    const orphans: string[] = [];
    for (let index = 0; index < 40; index++) {
      orphans.push(await plantStoredFile(storage, index % 4 === 0 ? "bundles" : "attachments", 120, now));
    }
    const stagingOrphans = ["upload-1", "upload-2", "draft-3"];
    for (const name of stagingOrphans) await plantStagingFolder(storage.stagingRoot, name, { folderMinutes: 120, fileMinutes: 120 }, now);
    const stagingKept = await readdir(storage.stagingRoot).then((names) => names.filter((name) => !stagingOrphans.includes(name)));

    // Two instances' sweeps: the advisory lock lets one work at a time.
    const reports = await Promise.all([runMaintenanceSweep(sweepDependencies(), now), runMaintenanceSweep(sweepDependencies(), now)]);
    expect(removedKeys(reports)).toEqual([...orphans].sort());
    expect(reports.flatMap((report) => report?.stagingFolders ?? []).sort()).toEqual([...stagingOrphans].sort());
    expect(await storage.storedKeys()).toEqual([...kept].sort());
    expect((await readdir(storage.stagingRoot)).sort()).toEqual(stagingKept.sort());
  });

  it("lists the storage in batches, so a sweep of many files never holds them all", async () => {
    const now = new Date();
    const orphans: string[] = [];
    for (let index = 0; index < 12; index++) orphans.push(await plantStoredFile(storage, "attachments", 120, now));
    const batches: string[][] = [];
    for await (const batch of fileStorageFor(parseConfig(process.env)).keysStoredBefore(new Date(now.getTime() - 60 * MINUTE), 5)) {
      batches.push(batch);
    }
    expect(batches.every((batch) => batch.length <= 5)).toBe(true);
    expect(batches.flat()).toEqual(expect.arrayContaining(orphans));
  });

  it("runs when the worker starts, and on pg-boss's schedule every SWEEP_INTERVAL_MINUTES", async () => {
    const now = new Date();
    const orphan = await plantStoredFile(storage, "attachments", 120, now);
    await plantStagingFolder(storage.stagingRoot, "upload-del-crash", { folderMinutes: 120, fileMinutes: 120 }, now);
    const config = parseConfig({ ...process.env, SWEEP_INTERVAL_MINUTES: "10" });
    const worker = await startNotificationWorker({ databaseUrl: process.env.DATABASE_URL!, config });
    try {
      await waitFor(async () => !(await storage.storedKeys()).includes(orphan), 20_000, "the orphan swept at start");
      await waitFor(async () => !(await readdir(storage.stagingRoot)).includes("upload-del-crash"), 20_000, "the staging folder swept");
      const schedules = await prisma.$queryRawUnsafe<{ cron: string }[]>(
        `SELECT cron FROM ${PGBOSS_SCHEMA}.schedule WHERE name = $1`,
        MAINTENANCE_QUEUE,
      );
      expect(schedules).toEqual([{ cron: "*/10 * * * *" }]);
    } finally {
      await worker.stop();
    }
  });
});

describe("the maintenance sweep of files on disk", () => {
  const storage = temporaryStorageForFile({ backend: "disk" });

  it("removes the partial files of interrupted writes once older than the grace period", async () => {
    const now = new Date();
    const youngPartial = await plantPartialFile(storage.filesRoot, 5, now);
    await plantPartialFile(storage.filesRoot, 120, now);

    const report = await runMaintenanceSweep(sweepDependencies(), now);

    expect(report?.storedFiles.unfinished).toBe(1);
    expect(await storage.storedKeys()).toEqual([youngPartial]);
  });

  it("deletes each orphan once even without the lock: removals and staging claims are exclusive", async () => {
    const now = new Date();
    const kept = await storage.storedKeys();
    const orphans: string[] = [];
    for (let index = 0; index < 40; index++) orphans.push(await plantStoredFile(storage, "attachments", 120, now));
    const stagingOrphans = Array.from({ length: 10 }, (_, index) => `upload-vecchio-${index}`);
    for (const name of stagingOrphans) await plantStagingFolder(storage.stagingRoot, name, { folderMinutes: 120, fileMinutes: 120 }, now);
    const stagingKept = await readdir(storage.stagingRoot).then((names) => names.filter((name) => !stagingOrphans.includes(name)));
    const files = fileStorageFor(parseConfig(process.env));
    const cutoff = new Date(now.getTime() - 60 * MINUTE);

    const [first, second] = await Promise.all([sweepStoredFiles(prisma, files, cutoff), sweepStoredFiles(prisma, files, cutoff)]);
    expect([...first.removed, ...second.removed].sort()).toEqual([...orphans].sort());
    expect(await storage.storedKeys()).toEqual(kept);

    const staging = await Promise.all([sweepStagingFolders(storage.stagingRoot, cutoff), sweepStagingFolders(storage.stagingRoot, cutoff)]);
    expect(staging.flat().sort()).toEqual([...stagingOrphans].sort());
    expect((await readdir(storage.stagingRoot)).sort()).toEqual(stagingKept.sort());
  });
});
