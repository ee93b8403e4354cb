import "server-only";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { openAgendaSettings } from "./agenda-defaults";
import { requireAgendaManager } from "./agenda-manager";
import { agendaWindowSchema } from "./schemas";

export const WINDOW_OVERLAPS = "La fascia si sovrappone a un'altra dello stesso canale nello stesso giorno.";

/**
 * A RESPONSABILE opens a weekly window of one channel (Rome time). Windows of
 * one channel and day do not overlap; the office's rules are created from
 * the administrators' defaults at the first window.
 */
export async function addAgendaWindow(actor: OperatorActor, input: Record<string, unknown>): Promise<{ windowId: string }> {
  requireAgendaManager(actor);
  const data = parseInput(agendaWindowSchema, input);
  const officeId = actor.office.id;
  return prisma.$transaction(async (tx) => {
    await openAgendaSettings(tx, officeId);
    // The office's rules row serialises concurrent window changes of one office.
    await tx.$queryRaw`SELECT 1 FROM "AgendaSettings" WHERE "officeId" = ${officeId}::uuid FOR UPDATE`;
    const overlapping = await tx.agendaWindow.findFirst({
      where: { officeId, channel: data.channel, weekday: data.weekday, startMinute: { lt: data.end }, endMinute: { gt: data.start } },
      select: { id: true },
    });
    if (overlapping) throw new ValidationError({ start: [WINDOW_OVERLAPS] }, WINDOW_OVERLAPS);
    const window = await tx.agendaWindow.create({
      data: { officeId, channel: data.channel, weekday: data.weekday, startMinute: data.start, endMinute: data.end },
      select: { id: true },
    });
    return { windowId: window.id };
  });
}
