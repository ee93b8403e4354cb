import "server-only";
import { prisma } from "@/server/db/client";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { requireAgendaManager } from "./agenda-manager";
import { removeAgendaWindowSchema } from "./schemas";

export const WINDOW_NOT_FOUND = "La fascia oraria non esiste o non è della sede.";

/** A RESPONSABILE closes a weekly window of their office; appointments already booked in it stay. Another office's is not found. */
export async function removeAgendaWindow(actor: OperatorActor, input: Record<string, unknown>): Promise<void> {
  requireAgendaManager(actor);
  const { windowId } = parseInput(removeAgendaWindowSchema, input);
  const removed = await prisma.agendaWindow.deleteMany({ where: { id: windowId, officeId: actor.office.id } });
  if (removed.count === 0) throw await notFoundFor(actor, "agenda-window", windowId, WINDOW_NOT_FOUND);
}
