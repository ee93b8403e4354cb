import { Prisma } from "@/generated/prisma/client";
import type { Gestione } from "@/generated/prisma/enums";

/** The states of a quesito not closed: the backlog. */
export const OPEN_STATES = Prisma.sql`('NUOVO', 'IN_LAVORAZIONE', 'IN_ATTESA_CONTRIBUENTE')`;

/** A row of the figures: the whole, an office and subject (or gestione, from the summary), or a week (`grouping` tells which). */
export type FactRow = {
  grouping: number;
  officeId: string | null;
  subjectId: string | null;
  gestione: Gestione | null;
  week: string | null;
  received: number;
  taken: number;
  takenMedian: number | null;
  takenP90: number | null;
  replied: number;
  repliedMedian: number | null;
  repliedP90: number | null;
  closed: number;
  closedMedian: number | null;
  closedP90: number | null;
  closedWithDueDate: number;
  closedOnTime: number;
  backlog: number;
  overdue: number;
};

/** GROUPING() of (office, subject, week received, week closed): the bits of the columns a row does not group by. */
export const TOTAL_ROW = 0b1111;
export const DETAIL_ROW = 0b0011;
export const RECEIVED_WEEK_ROW = 0b1101;
export const CLOSED_WEEK_ROW = 0b1110;
