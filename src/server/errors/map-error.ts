import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable } from "./database-unavailable";
import { logger } from "@/server/logger";
import { DomainError, ServiceUnavailableError, ValidationError, type FieldErrors } from "./domain-errors";

/** RFC 9457 problem details, as the API returns them. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldErrors;
  requestId?: string;
};

const GENERIC_DETAIL = "Si è verificato un errore imprevisto. Riprovare più tardi.";

/** The one place where errors become what a person or a client program reads. */
export function toProblem(error: unknown, requestId?: string): Problem {
  if (!(error instanceof DomainError) && isDatabaseUnavailable(error)) return toProblem(new ServiceUnavailableError(), requestId);
  if (error instanceof DomainError) {
    return {
      type: `about:blank#${error.name}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(error instanceof ValidationError ? { errors: error.fieldErrors } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
  return {
    type: "about:blank",
    title: "Errore interno",
    status: 500,
    detail: GENERIC_DETAIL,
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * The API's answer to a failed call. Unexpected errors are logged with a
 * request id that the client also receives, so support can find the line.
 */
export function problemResponse(error: unknown): Response {
  const requestId = error instanceof DomainError ? undefined : randomUUID();
  if (requestId && isDatabaseUnavailable(error)) logger.warn({ err: error, requestId }, "Database non disponibile in una chiamata API");
  else if (requestId) logger.error({ err: error, requestId }, "Errore imprevisto in una chiamata API");
  const problem = toProblem(error, requestId);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8" },
  });
}
