import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/errors/domain-errors";
import { failureFlash, flashCookie, readFlash } from "./flash";

describe("delegations page outcome across the redirect", () => {
  it("reads back a refusal with its field errors and typed values, only with the redirect's token", () => {
    const error = new ValidationError({ reason: ["Indicare il motivo della revoca."] });
    const cookie = flashCookie(failureFlash(error, "revoca-1", { reason: "" }));

    expect(cookie.options.path).toBe("/cassetto/deleghe");
    expect(readFlash(cookie.value, cookie.token)).toEqual({
      tone: "danger",
      message: error.message,
      form: "revoca-1",
      errors: { reason: ["Indicare il motivo della revoca."] },
      values: { reason: "" },
    });
    expect(readFlash(cookie.value, "altro")).toBeNull();
    expect(readFlash("%%%", cookie.token)).toBeNull();
  });

  it("drops the typed values when they would not fit in a cookie", () => {
    const cookie = flashCookie({ tone: "danger", message: "No", form: "conferisci", values: { reason: "è".repeat(4000) } });

    expect(readFlash(cookie.value, cookie.token)).toEqual({ tone: "danger", message: "No", form: "conferisci" });
  });
});
