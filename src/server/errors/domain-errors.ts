/**
 * The few errors services throw. Routes never build messages themselves:
 * src/server/errors/map-error.ts turns these into an Italian message on pages
 * and an application/problem+json body in the API.
 */
export type FieldErrors = Record<string, string[]>;

/** Adds the messages of `more` to `errors`, each message once per field. */
export function mergeFieldErrors(errors: FieldErrors, more: FieldErrors): FieldErrors {
  for (const [field, messages] of Object.entries(more)) {
    const merged = (errors[field] ??= []);
    for (const message of messages) if (!merged.includes(message)) merged.push(message);
  }
  return errors;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
}

/** The record does not exist or belongs to someone else: never say which. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = "Risorsa non trovata";
  constructor(message = "La risorsa richiesta non esiste o non è accessibile.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The actor may see the record but not do this with it. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = "Operazione non consentita";
  constructor(message = "Non è possibile eseguire questa operazione.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** What a form refused for its fields says above them. */
export const INVALID_FIELDS_MESSAGE = "Alcuni dati non sono validi: correggere i campi indicati.";

export class ValidationError extends DomainError {
  readonly status = 422;
  readonly title = "Dati non validi";
  constructor(
    readonly fieldErrors: FieldErrors,
    message = INVALID_FIELDS_MESSAGE,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** Someone else changed the record first (concurrent take-in-charge, double submit…). */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = "Conflitto";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class LimitExceededError extends DomainError {
  readonly status = 413;
  readonly title = "Limite superato";
  constructor(message: string) {
    super(message);
    this.name = "LimitExceededError";
  }
}

/**
 * The database did not answer within its bounded waits (src/server/errors/database-unavailable.ts):
 * nothing was written; the person may try again later with what they sent kept.
 */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = "Servizio non disponibile";
  constructor(message = "Il servizio è momentaneamente non disponibile. Riprovare tra qualche minuto.") {
    super(message);
    this.name = "ServiceUnavailableError";
  }
}
