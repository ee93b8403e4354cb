import { z } from "zod";
import { SmartTaskKind, SmartTaskOpening } from "@/generated/prisma/enums";
import { codiceFiscaleError, normalizeCodiceFiscale } from "@/lib/codice-fiscale";
import { typedText } from "@/lib/form-fields";
import { BROKEN_FORM } from "./office-schemas";
import { expectedVersion } from "./operator-schemas";

/** The Smart-Task enablement page (decision 0046): where its forms are, and the page its audit entries name. */
export const SMART_TASK_PAGE = "/admin/smart-task";

export const STALE_SMART_TASK =
  "L'abilitazione è stata modificata da un altro amministratore: ricaricare la pagina e ripetere la modifica.";

/** The pilot group's size, and the text that lists it. */
export const PILOT_GROUP_MAX = 1000;
const PILOT_TEXT_MAX = PILOT_GROUP_MAX * 20;

export const smartTaskOpeningLabels: Record<SmartTaskOpening, string> = {
  DISABILITATO: "Disattivata",
  PILOTA: "Solo il gruppo pilota",
  TUTTI: "Tutti",
};

/** A kind's opening, as the administrator saw it at `expectedVersion` (0: never set, hence disabled). */
export const smartTaskOpeningSchema = z.object({
  kind: z.enum(SmartTaskKind, { message: BROKEN_FORM }),
  opening: z.enum(SmartTaskOpening, { message: "Scegliere chi può presentare la Smart-Task tra le voci proposte." }),
  expectedVersion,
});

/**
 * The pilot group as typed: one codice fiscale a line, blank lines ignored,
 * each checked (a wrong one named with its line), normalised, repeats dropped.
 */
export const smartTaskPilotGroupSchema = z.object({
  codiciFiscali: typedText()
    .max(PILOT_TEXT_MAX, `L'elenco può essere lungo al massimo ${PILOT_TEXT_MAX} caratteri.`)
    .transform((text, context) => {
      const lines = text.split(/\r?\n/).map((line, index) => ({ line: index + 1, value: normalizeCodiceFiscale(line) }));
      const codes: string[] = [];
      for (const { line, value } of lines.filter((entry) => entry.value !== "")) {
        const error = codiceFiscaleError(value);
        if (error) context.addIssue({ code: "custom", message: `Riga ${line}: «${value}» non è valido. ${error}.` });
        else if (!codes.includes(value)) codes.push(value);
      }
      if (codes.length > PILOT_GROUP_MAX) {
        context.addIssue({ code: "custom", message: `Il gruppo pilota può contare al massimo ${PILOT_GROUP_MAX} persone.` });
      }
      return codes;
    }),
  expectedVersion,
});
