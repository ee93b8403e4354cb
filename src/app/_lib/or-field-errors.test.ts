import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { orFieldErrors, withoutInvalid } from "./or-field-errors";

describe("orFieldErrors", () => {
  it("gives the result and no messages when the parameters are valid", async () => {
    expect(await orFieldErrors(async () => ({ rows: 3 }))).toEqual({ result: { rows: 3 }, errors: {} });
  });

  it("gives no result and the field messages when some are invalid", async () => {
    const refused = async () => {
      throw new ValidationError({ dal: ["Data non valida."] }, "Alcuni filtri non sono validi.");
    };
    expect(await orFieldErrors(refused)).toEqual({ result: null, errors: { dal: ["Data non valida."] } });
  });

  it("lets any other failure through, a record out of reach as Next.js's not-found", async () => {
    await expect(
      orFieldErrors(async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
    await expect(
      orFieldErrors(async () => {
        throw new NotFoundError("La richiesta non esiste o non è accessibile.");
      }),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});

describe("withoutInvalid", () => {
  it("keeps the parameters that have no message", () => {
    expect(withoutInvalid({ dal: "2026-13-40", stato: "aperti" }, { dal: ["Data non valida."] })).toEqual({ stato: "aperti" });
  });
});
