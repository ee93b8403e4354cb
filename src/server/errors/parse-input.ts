import type { z } from "zod";
import { ValidationError, type FieldErrors } from "./domain-errors";

/** zod issues as field messages, keyed by the first path segment (the form field). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const messages = (errors[field] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return errors;
}

/**
 * The input as the schema gives it, or ValidationError with a message per
 * field; `message` is the error's own (shown above the form), fixed or
 * chosen from the field messages.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  message?: string | ((errors: FieldErrors) => string | undefined),
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error);
  throw new ValidationError(errors, typeof message === "function" ? message(errors) : message);
}
