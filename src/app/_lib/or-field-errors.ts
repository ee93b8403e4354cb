import "server-only";
import { ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { orNotFound } from "./or-not-found";

/**
 * A list page's service call on parameters a person typed: its result, or
 * null and the field messages when some are invalid, for the form to show
 * at their fields; a record out of reach is the not-found page (orNotFound).
 */
export async function orFieldErrors<T>(load: () => Promise<T>): Promise<{ result: T | null; errors: FieldErrors }> {
  try {
    return { result: await orNotFound(load), errors: {} };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { result: null, errors: error.fieldErrors };
  }
}

/** The parameters but those named in `errors`: a list shown on the valid ones beside the messages. */
export function withoutInvalid(params: Record<string, string>, errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !errors[name]));
}
