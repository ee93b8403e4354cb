import "server-only";
import { prisma } from "@/server/db/client";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { requireAgendaManager } from "./agenda-manager";
import { agendaSettingsSchema } from "./schemas";

/**
 * A RESPONSABILE sets the office's booking rules: slot length, places per
 * slot, booking window, cancellation cut-off, reschedules allowed, address
 * and video link. Bookings already made keep their slot. From then on the
 * office keeps its own rules: the administrators' defaults no longer change
 * them (decision 0047).
 */
export async function updateAgendaSettings(actor: OperatorActor, input: Record<string, unknown>): Promise<void> {
  requireAgendaManager(actor);
  const data = parseInput(agendaSettingsSchema, input);
  const values = { ...data, address: data.address ?? null, videoLink: data.videoLink ?? null, ownRules: true };
  await prisma.agendaSettings.upsert({
    where: { officeId: actor.office.id },
    create: { officeId: actor.office.id, ...values },
    update: values,
  });
}
