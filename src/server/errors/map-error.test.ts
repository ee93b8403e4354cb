import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "./domain-errors";
import { toProblem } from "./map-error";

describe("toProblem", () => {
  it("maps a validation error with its field messages", () => {
    const problem = toProblem(new ValidationError({ testo: ["Il testo è obbligatorio."] }));
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual({ testo: ["Il testo è obbligatorio."] });
  });

  it("never leaks the message of an unexpected error", () => {
    const problem = toProblem(new Error("connection refused on 10.0.0.5"), "req-1");
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain("10.0.0.5");
    expect(problem.requestId).toBe("req-1");
  });

  it("answers not found and conflict with their own status", () => {
    expect(toProblem(new NotFoundError()).status).toBe(404);
    expect(toProblem(new ConflictError("Il quesito è già stato preso in carico.")).detail).toBe("Il quesito è già stato preso in carico.");
  });

  it("answers 503 when the database did not answer in time, without its details", async () => {
    const timedOut = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    const problem = toProblem(timedOut, "req-2");
    expect(problem).toMatchObject({ status: 503, title: "Servizio non disponibile", requestId: "req-2" });
    expect(problem.detail).toBe("Il servizio è momentaneamente non disponibile. Riprovare tra qualche minuto.");
  });
});
