import type { Prisma } from "@/generated/prisma/client";
import type { QuesitoState } from "@/generated/prisma/enums";
import { romeDayEnd, romeIsoDay } from "@/lib/rome-dates";
import { addWorkingDays } from "@/lib/working-days";
import type { QueueDueFilter } from "./schemas";

/** The states in which the office's clock runs (B4): the due-date filters concern only these. */
export const clockRunning: readonly QuesitoState[] = ["NUOVO", "IN_LAVORAZIONE"];

/**
 * The due-date filter and order (B4, decision 0034): "in scadenza" is due
 * within SLA_WARNING_WORKING_DAYS working days (the assignee's warning),
 * "scaduti" past its due date; sorting by due date shows the quesiti that
 * have one. Each is a range on dueAt, read through (officeId, state, dueAt, id).
 */
export function dueWhere(due: QueueDueFilter, byDueDate: boolean, now: Date, warningWorkingDays: number): Prisma.QuesitoWhereInput {
  if (due === "scaduti") return { dueAt: { lte: now } };
  if (due === "in_scadenza") return { dueAt: { gt: now, lte: romeDayEnd(addWorkingDays(romeIsoDay(now), warningWorkingDays)) } };
  return byDueDate ? { dueAt: { not: null } } : {};
}
