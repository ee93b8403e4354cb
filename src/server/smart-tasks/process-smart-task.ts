import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { SmartTaskKind, SmartTaskStatus } from "@/generated/prisma/enums";
import type { AppConfig } from "@/server/config";
import { applyAutomaticTransition } from "@/server/workflow/automatic-transition";
import { smartTaskKinds, type SmartTaskCheck } from "./kinds";
import type { SmartTaskForProcessing, SmartTaskProcessor } from "./processor";
import { cancellazioneContattiAnomali } from "./cancellazione-contatti-anomali";
import { revocaDelegaDipendente, revocaDelegaIntermediario } from "./revoca-delega";
import { variazioneContatti } from "./variazione-contatti";

/** One processor per kind. */
const processors: Record<SmartTaskKind, SmartTaskProcessor> = {
  REVOCA_DELEGA_INTERMEDIARIO: revocaDelegaIntermediario,
  REVOCA_DELEGA_DIPENDENTE: revocaDelegaDipendente,
  VARIAZIONE_CONTATTI_INTERMEDIARIO: variazioneContatti("INTERMEDIARIO"),
  VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE: variazioneContatti("DIPENDENTE"),
  CANCELLAZIONE_CONTATTI_ANOMALI: cancellazioneContattiAnomali,
};

type ProcessingConfig = Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">;

/** The task's row locked for the rest of the transaction, with what its processor reads; null if it does not exist. */
async function lockedTask(
  tx: Prisma.TransactionClient,
  smartTaskId: string,
): Promise<(SmartTaskForProcessing & { requestId: string; status: SmartTaskStatus }) | null> {
  await tx.$queryRaw`SELECT 1 FROM "SmartTask" WHERE "id" = ${smartTaskId}::uuid FOR UPDATE`;
  const task = await tx.smartTask.findUnique({
    where: { id: smartTaskId },
    select: {
      id: true,
      kind: true,
      payload: true,
      filedById: true,
      actingProfile: true,
      status: true,
      requestId: true,
      request: { select: { protocolNumber: true, position: { select: { id: true, matricola: true, gestione: true } } } },
    },
  });
  if (!task) return null;
  const { request, ...rest } = task;
  return { ...rest, protocolNumber: request.protocolNumber, position: request.position };
}

/** The kind's checks in order, up to the first that failed: the checks that ran, as the pages show them. */
function checksThatRan(kind: SmartTaskKind, verdict: Record<string, string | null>): SmartTaskCheck[] {
  const ran: SmartTaskCheck[] = [];
  for (const { code, label } of smartTaskKinds[kind].checks) {
    const reason = verdict[code] ?? null;
    ran.push({ code, label, passed: reason === null, reason });
    if (reason !== null) break;
  }
  return ran;
}

/**
 * The processing job of one Smart-Task (decision 0037), in two transactions,
 * each starting with the task's row locked and its status read again, so that
 * two processors at once, or a retry after a crash, do each step once:
 * 1. INVIATA → IN_CARICO: the quesito taken in charge by the portal (the
 *    filer notified);
 * 2. IN_CARICO → ACCOLTA / NON_ACCOLTA: the kind's checks, the effect when
 *    all passed, the checks and the outcome stored, and the quesito closed
 *    with the outcome and its reasons (notified) — all or nothing.
 * A task already decided is left alone. Worker-safe: takes its client.
 */
export async function processSmartTask(
  prisma: PrismaClient,
  config: ProcessingConfig,
  smartTaskId: string,
  now = new Date(),
): Promise<SmartTaskStatus | null> {
  await prisma.$transaction(async (tx) => {
    const task = await lockedTask(tx, smartTaskId);
    if (task?.status !== "INVIATA") return;
    await applyAutomaticTransition(tx, task.requestId, { action: "PRESA_IN_CARICO" }, config, now);
    await tx.smartTask.update({ where: { id: task.id }, data: { status: "IN_CARICO", takenAt: now } });
  });

  return prisma.$transaction(async (tx) => {
    const task = await lockedTask(tx, smartTaskId);
    if (task?.status !== "IN_CARICO") return task?.status ?? null;
    const verdict = await processors[task.kind](tx, task, now);
    const checks = checksThatRan(task.kind, verdict.checks);
    const accepted = checks.every((check) => check.passed);
    if (accepted) await verdict.effect();
    const status = accepted ? "ACCOLTA" : "NON_ACCOLTA";
    await tx.smartTask.update({ where: { id: task.id }, data: { status, checks, decidedAt: now } });
    const comment = accepted
      ? `Richiesta accolta: ${verdict.acceptedOutcome ?? smartTaskKinds[task.kind].acceptedOutcome}`
      : `Richiesta non accolta. ${checks.flatMap((check) => (check.reason ? [check.reason] : [])).join(" ")}`;
    await applyAutomaticTransition(tx, task.requestId, { action: "CHIUSA", esito: status, comment }, config, now);
    return status;
  });
}
