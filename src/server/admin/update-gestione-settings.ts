import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { SETTINGS_PAGE } from "./office-competence";
import { gestioneSettingsSchema, STALE_SETTINGS } from "./office-schemas";
import { assertAdmin } from "./policy";

/**
 * A gestione's limits and rules, on the version the administrator saw. The
 * values replaced go to GestioneSettingsHistory under their version, so that
 * a request form opened before the change is held to the limits it showed
 * (decision 0044); the change and its audit entry commit together.
 */
export async function updateGestioneSettings(actor: OperatorActor, input: Record<string, unknown>, now = new Date()): Promise<void> {
  assertAdmin(actor);
  const { gestione, expectedVersion, ...values } = parseInput(gestioneSettingsSchema, input);
  await prisma.$transaction(async (tx) => {
    const current = await tx.gestioneSettings.findUnique({ where: { gestione } });
    if (!current) throw new NotFoundError();
    const updated = await tx.gestioneSettings.updateMany({
      where: { gestione, version: expectedVersion },
      data: { ...values, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError(STALE_SETTINGS);
    const { maxFiles, maxBytesPerFile, pecRequired, emailOrPhoneRequired } = current;
    await tx.gestioneSettingsHistory.create({
      data: { gestione, version: current.version, maxFiles, maxBytesPerFile, pecRequired, emailOrPhoneRequired, supersededAt: now },
    });
    const before = {
      maxFiles,
      maxBytesPerFile,
      pecRequired,
      emailOrPhoneRequired,
      notificationChannels: current.notificationChannels,
      maxResponseWorkingDays: current.maxResponseWorkingDays,
    };
    await recordAdminChange(
      actor,
      {
        action: "AMMINISTRAZIONE_MODIFICA",
        targetType: "IMPOSTAZIONI_GESTIONE",
        targetId: gestione,
        before,
        after: values,
        page: SETTINGS_PAGE,
      },
      tx,
    );
  });
}
