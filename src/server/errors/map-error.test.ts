import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "./domain-errors";
import { problemResponse, toProblem } from "./map-error";

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
    expect(toProblem(new ConflictError("Il quesito è già stato preso in carico.")).detail).toBe(
      "Il quesito è già stato preso in carico.",
    );
  });

  it("gives an unexpected error a request id to quote to support", async () => {
    const body = await problemResponse(new Error("boom")).json();
    expect(body.status).toBe(500);
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 503 when the database did not answer in time, without its details", async () => {
    const timedOut = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    const problem = toProblem(timedOut, "req-2");
    expect(problem).toMatchObject({ status: 503, title: "Servizio non disponibile", requestId: "req-2" });
    expect(problem.detail).toBe("Il servizio è momentaneamente non disponibile. Riprovare tra qualche minuto.");
    expect((await problemResponse(timedOut).json()).status).toBe(503);
  });

  it("builds an application/problem+json response", async () => {
    const response = problemResponse(new NotFoundError());
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).title).toBe("Risorsa non trovata");
  });
});
