import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/server/errors/domain-errors";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import { flashCookie, readFlash, typedValues } from "./flash";

describe("form outcome across the redirect", () => {
  it("reads back what was kept, only with the token of the redirect", () => {
    const cookie = flashCookie({ tone: "success", message: "Hai preso in carico il quesito." });
    expect(readFlash(cookie.value, cookie.token)).toEqual({ tone: "success", message: "Hai preso in carico il quesito." });
    expect(readFlash(cookie.value, "altro")).toBeNull();
    expect(readFlash(cookie.value, undefined)).toBeNull();
    expect(readFlash(undefined, cookie.token)).toBeNull();
  });

  it("ignores a cookie that is not one of ours", () => {
    const forged = Buffer.from(JSON.stringify({ token: "t", tone: "danger", message: 42 })).toString("base64url");
    expect(readFlash(forged, "t")).toBeNull();
    expect(readFlash("%%%non-base64%%%", "t")).toBeNull();
  });

  it("keeps a refusal with its field errors and the typed text", () => {
    const error = new ValidationError({ comment: ["Inserire un commento."] });
    const flash = refusedFormFlash(error, "chiusura", { esito: "ACCOLTA", comment: "" });
    const cookie = flashCookie(flash);
    expect(readFlash(cookie.value, cookie.token)).toEqual({
      tone: "danger",
      message: error.message,
      form: "chiusura",
      errors: { comment: ["Inserire un commento."] },
      values: { esito: "ACCOLTA", comment: "" },
    });
    expect(refusedFormFlash(new ConflictError("Modificato"), "presa", {})).toEqual({
      tone: "danger",
      message: "Modificato",
      form: "presa",
      values: {},
    });
  });

  it("drops the typed text when it would not fit in a cookie, keeping the message", () => {
    const flash = refusedFormFlash(new ConflictError("Modificato"), "risposta", { body: "è".repeat(4000) });
    const cookie = flashCookie(flash);
    expect(cookie.value.length).toBeLessThan(4096);
    expect(readFlash(cookie.value, cookie.token)).toEqual({ tone: "danger", message: "Modificato", form: "risposta" });
  });

  it("keeps only the typed fields, not the version or the framework's own", () => {
    expect(
      typedValues([
        ["expectedVersion", "3"],
        ["$ACTION_REF_1", ""],
        ["comment", "Serve il DURC"],
        ["allegati", new File([], "vuoto.pdf")],
      ]),
    ).toEqual({ comment: "Serve il DURC" });
  });
});
