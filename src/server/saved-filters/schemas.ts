import { z } from "zod";
import { requiredText } from "@/server/requests/schemas";

export const SAVED_FILTER_NAME_MAX_LENGTH = 60;
/** Saved filters a person may keep under one profile. */
export const SAVED_FILTERS_MAX = 20;

/** The name under which the list's current filters are saved (B2). */
export const savedFilterNameSchema = z.object({
  name: requiredText("Indicare un nome per i filtri da salvare.", SAVED_FILTER_NAME_MAX_LENGTH, "Il nome è troppo lungo"),
});
