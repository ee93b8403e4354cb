import { z } from "zod";
import { Gestione } from "@/generated/prisma/enums";
import { blankToUndefined, optionalIsoDay, refineDayRanges } from "@/lib/form-fields";
import { addIsoDays, isoDaysInclusive } from "@/lib/rome-dates";

/**
 * The filters of the response-time figures (F26), GET parameters with Italian
 * names as they appear in the address bar, shared by the form and the service.
 */

/** The period shown when none is chosen: the last 90 days, today included. */
export const DEFAULT_PERIOD_DAYS = 90;
/** The longest period: a year, so that the figures stay a bounded read (decision 0036). */
export const MAX_PERIOD_DAYS = 366;

/** The filters with the period completed from `today` (Rome): a missing end is today, a missing start 90 days before the end. */
export function figuresFiltersSchema(today: string) {
  return z
    .object({
      dal: optionalIsoDay(),
      al: optionalIsoDay(),
      /** An office, for ADMIN; a RESPONSABILE sees their own. */
      sede: z.preprocess(blankToUndefined, z.uuid("Scegliere una sede tra quelle proposte.").optional()),
      gestione: z.preprocess(blankToUndefined, z.enum(Gestione, { message: "Scegliere una gestione tra quelle proposte." }).optional()),
      /** An area (all its subjects) or a single subject. */
      oggetto: z.preprocess(blankToUndefined, z.uuid("Scegliere un oggetto tra quelli proposti.").optional()),
    })
    .transform(({ dal, al, ...rest }) => {
      const end = al ?? (dal && dal > today ? dal : today);
      return { ...rest, dal: dal ?? addIsoDays(end, 1 - DEFAULT_PERIOD_DAYS), al: end };
    })
    .superRefine((filters, context) => {
      refineDayRanges(filters, [["dal", "al"]], context);
      if (filters.dal <= filters.al && isoDaysInclusive(filters.dal, filters.al) > MAX_PERIOD_DAYS) {
        context.addIssue({
          code: "custom",
          path: ["al"],
          message: `Il periodo può durare al massimo un anno (${MAX_PERIOD_DAYS} giorni): avvicinare le date.`,
        });
      }
    });
}

export type FiguresFilters = z.output<ReturnType<typeof figuresFiltersSchema>>;

/** The parameter names of the filters, in the order of the form. */
export const figuresFilterNames = ["dal", "al", "sede", "gestione", "oggetto"] as const;
