import { isDatabaseUnavailable } from "./database-unavailable";
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
