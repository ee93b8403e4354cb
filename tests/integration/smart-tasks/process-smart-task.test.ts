import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { getRequest } from "@/server/requests/get-request";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { listSmartTasks } from "@/server/smart-tasks/list-smart-tasks";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";
import { createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { delegatedPosition, fileRevocation, processTwiceAtOnce, revocationForm, smartTaskTestStart } from "./smart-task-fixtures";

const config = () => parseConfig(process.env);
const child = fileURLToPath(new URL("../../support/process-smart-task-child.ts", import.meta.url));

beforeEach(smartTaskTestStart);

async function history(requestId: string) {
  const events = await prisma.requestEvent.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return events.map((event) => event.type);
}

describe("processing a REVOCA DELEGA INTERMEDIARIO", () => {
  it("takes it in charge, runs the checks, revokes the delegation and closes the request Accolta, notifying each step", async () => {
    const { filed, task, delegation, asHolder, asIntermediary } = await fileRevocation();
    expect(await processSmartTask(prisma, config(), task.id)).toBe("ACCOLTA");

    const revoked = await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } });
    expect(revoked.status).toBe("REVOKED");
    expect(revoked.revokedReason).toBe(`Revocata con la Smart-Task ${filed.protocolNumber}.`);
    const decided = await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(decided.status).toBe("ACCOLTA");
    expect(decided.checks).toEqual([
      { code: "DELEGA_ESISTENTE", label: "La delega esiste ed è una delega a un intermediario", passed: true, reason: null },
      { code: "DELEGA_DEL_RICHIEDENTE", label: "La delega riguarda chi presenta la richiesta", passed: true, reason: null },
      { code: "DELEGA_SULLA_POSIZIONE", label: "La delega copre la posizione della richiesta", passed: true, reason: null },
      { code: "DELEGA_IN_VIGORE", label: "La delega è in vigore", passed: true, reason: null },
    ]);
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: filed.id } });
    expect(quesito).toMatchObject({ state: "CHIUSO", esito: "ACCOLTA", assigneeId: null });
    expect(await history(filed.id)).toEqual(["PROTOCOLLATA", "SMISTATA", "PRESA_IN_CARICO", "CHIUSA"]);
    const notified = await prisma.notification.findMany({ where: { requestId: filed.id }, include: { event: true } });
    expect(new Set(notified.map((notification) => notification.event?.type))).toEqual(
      new Set(["PROTOCOLLATA", "SMISTATA", "PRESA_IN_CARICO", "CHIUSA"]),
    );

    // The holder reads it in the request's page; the intermediary, who lost the position, in their own tasks.
    await expect(getRequest(asHolder, filed.id)).resolves.toMatchObject({ protocolNumber: filed.protocolNumber });
    expect(await listSmartTasks(asIntermediary)).toMatchObject([{ requestId: filed.id, status: "ACCOLTA" }]);
    expect(await listSmartTasks(asHolder)).toEqual([]);
  });

  it("is Non accolta, with the reason and nothing changed, when a holder names a delegation on another's position", async () => {
    const { delegation, office } = await delegatedPosition();
    const otherHolder = await createPerson("Altro titolare");
    const ownPosition = await createPosition(otherHolder.id, office.id, "AZIENDE");
    const filed = await fileSmartTask(contributorActor(otherHolder, "TITOLARE"), revocationForm(ownPosition.id, delegation.id));
    const task = await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } });

    expect(await processSmartTask(prisma, config(), task.id)).toBe("NON_ACCOLTA");
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("ACTIVE");
    const decided = await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(decided.checks).toEqual([
      { code: "DELEGA_ESISTENTE", label: "La delega esiste ed è una delega a un intermediario", passed: true, reason: null },
      {
        code: "DELEGA_DEL_RICHIEDENTE",
        label: "La delega riguarda chi presenta la richiesta",
        passed: false,
        reason: "La delega indicata non è stata conferita da te: il titolare può revocare solo le deleghe sulle proprie posizioni.",
      },
    ]);
    const closing = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: filed.id, type: "CHIUSA" } });
    expect(closing.comment).toBe(
      "Richiesta non accolta. La delega indicata non è stata conferita da te: il titolare può revocare solo le deleghe sulle proprie posizioni.",
    );
    expect(await prisma.quesito.findUniqueOrThrow({ where: { requestId: filed.id } })).toMatchObject({ esito: "NON_ACCOLTA" });
  });

  it("is Non accolta when the delegation named does not exist or is no longer in force", async () => {
    const { position, delegation, asHolder } = await delegatedPosition();
    await prisma.delegation.update({ where: { id: delegation.id }, data: { status: "REVOKED" } });
    const filed = await fileSmartTask(asHolder, revocationForm(position.id, delegation.id));
    const task = await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } });
    expect(await processSmartTask(prisma, config(), task.id)).toBe("NON_ACCOLTA");
    const checks = (await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } })).checks as { passed: boolean; reason: string }[];
    expect(checks.at(-1)).toMatchObject({ passed: false, reason: "La delega non è in vigore: risulta revocata." });
  });

  it("leaves the office read-only on a Smart-Task's quesito", async () => {
    const { task, office } = await fileRevocation();
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: task.requestId } });
    const operator = await operatorActor(office.id);
    await expect(takeQuesito(operator, quesito.id, { expectedVersion: "0" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("processing exactly once", () => {
  it("two processors at once: one effect, one outcome", async () => {
    const { task, filed, delegation } = await fileRevocation();
    const outcomes = await processTwiceAtOnce(task.id);
    expect(outcomes).toEqual(["ACCOLTA", "ACCOLTA"]);
    expect(await history(filed.id)).toEqual(["PROTOCOLLATA", "SMISTATA", "PRESA_IN_CARICO", "CHIUSA"]);
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("REVOKED");
  });

  it(
    "a processor killed after the effect, before the outcome committed, leaves nothing; its retry does it all once",
    { timeout: 60_000 },
    async () => {
      const { task, filed, delegation } = await fileRevocation();
      const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: filed.id } });
      const holdDelegation = new pg.Client({ connectionString: process.env.DATABASE_URL });
      const holdQuesito = new pg.Client({ connectionString: process.env.DATABASE_URL });
      const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await Promise.all([holdDelegation.connect(), holdQuesito.connect(), observer.connect()]);
      try {
        /** Some backend (the processor's) waits for a lock that `holder` holds; seen from outside any transaction, whose statistics would stand still. */
        const blockedBy = async (holder: pg.Client) => {
          const { rows } = await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
          for (let attempt = 0; attempt < 300; attempt++) {
            const blocked = await observer.query(
              "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND $1::int = ANY (pg_blocking_pids(pid))",
              [rows[0]!.pid],
            );
            if (blocked.rowCount) return;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          throw new Error("The processor never waited");
        };
        await holdDelegation.query("BEGIN");
        await holdDelegation.query(`SELECT 1 FROM "Delegation" WHERE "id" = $1 FOR UPDATE`, [delegation.id]);

        const processor = spawn(process.execPath, ["--import", "tsx", child, task.id], {
          env: { ...process.env, LOG_LEVEL: "silent" },
          stdio: ["ignore", "ignore", "pipe"],
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => processor.once("exit", (_code, signal) => resolve(signal)));
        // Taken in charge (committed), then the deciding transaction waits at the delegation.
        await blockedBy(holdDelegation);
        expect((await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("IN_CARICO");
        // Let it revoke and store the outcome, and stop it at the quesito's closing: then kill it.
        await holdQuesito.query("BEGIN");
        await holdQuesito.query(`SELECT 1 FROM "Quesito" WHERE "id" = $1 FOR UPDATE`, [quesito.id]);
        await holdDelegation.query("COMMIT");
        await blockedBy(holdQuesito);
        processor.kill("SIGKILL");
        expect(await exited).toBe("SIGKILL");
        await holdQuesito.query("ROLLBACK");
      } finally {
        await Promise.all([holdDelegation.end(), holdQuesito.end(), observer.end()]);
      }

      // Its transaction never committed: nothing of the decision is there.
      expect((await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("IN_CARICO");
      expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("ACTIVE");

      // The retry (pg-boss's, here by hand) finishes what was left, once.
      expect(await processSmartTask(prisma, config(), task.id)).toBe("ACCOLTA");
      expect(await history(filed.id)).toEqual(["PROTOCOLLATA", "SMISTATA", "PRESA_IN_CARICO", "CHIUSA"]);
      expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegation.id } })).status).toBe("REVOKED");
    },
  );
});
