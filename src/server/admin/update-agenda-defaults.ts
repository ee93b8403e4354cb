import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { readAgendaDefaults } from "@/server/agenda/agenda-defaults";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { AGENDA_DEFAULTS_PAGE, AGENDA_DEFAULTS_TARGET, agendaDefaultsSchema, STALE_AGENDA_DEFAULTS } from "./agenda-defaults-schemas";
import { assertAdmin } from "./policy";

/**
 * The booking rules new offices' agendas start from, on the version the
 * administrator saw (decision 0047). Offices that have not saved rules of
 * their own (`ownRules` false) follow the change in the same transaction;
 * bookings already made keep their slot. Audited with the values before and
 * after and the number of offices that followed.
 */
export async function updateAgendaDefaults(actor: OperatorActor, input: Record<string, unknown>): Promise<{ offices: number }> {
  assertAdmin(actor);
  const { expectedVersion, ...values } = parseInput(agendaDefaultsSchema, input);
  return prisma.$transaction(async (tx) => {
    await tx.agendaDefaults.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    await tx.$queryRaw`SELECT 1 FROM "AgendaDefaults" WHERE id = 1 FOR UPDATE`;
    const { version, ...before } = await readAgendaDefaults(tx);
    if (version !== expectedVersion) throw new ConflictError(STALE_AGENDA_DEFAULTS);
    await tx.agendaDefaults.update({ where: { id: 1 }, data: { ...values, version: { increment: 1 } } });
    const followed = await tx.agendaSettings.updateMany({ where: { ownRules: false }, data: values });
    await recordAdminChange(
      actor,
      {
        action: "AMMINISTRAZIONE_MODIFICA",
        targetType: "IMPOSTAZIONI_AGENDA",
        targetId: AGENDA_DEFAULTS_TARGET,
        before,
        after: { ...values, officesFollowing: followed.count },
        page: AGENDA_DEFAULTS_PAGE,
      },
      tx,
    );
    return { offices: followed.count };
  });
}
