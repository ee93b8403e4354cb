import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/errors/domain-errors";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import { codeForm, contactsForm, flashCookie, readFlash } from "./flash";

describe("Contatti page outcome across the redirect", () => {
  it("reads back a refusal at its form, with field errors and typed values, only with the redirect's token", () => {
    const error = new ValidationError({ email: ["Indicare un indirizzo e-mail valido, ad esempio nome.cognome@example.it."] });
    const cookie = flashCookie(refusedFormFlash(error, contactsForm("AZIENDE"), { email: "non-valida" }));

    expect(cookie.options.path).toBe("/cassetto/contatti");
    expect(readFlash(cookie.value, cookie.token)).toEqual({
      tone: "danger",
      message: error.message,
      form: "contatti-AZIENDE",
      errors: { email: ["Indicare un indirizzo e-mail valido, ad esempio nome.cognome@example.it."] },
      values: { email: "non-valida" },
    });
    expect(readFlash(cookie.value, "altro")).toBeNull();
  });

  it("accepts the contacts and code forms, nothing else", () => {
    const code = flashCookie({ tone: "danger", message: "No", form: codeForm("1") });
    expect(readFlash(code.value, code.token)?.form).toBe("codice-1");
    const tampered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(code.value, "base64url").toString("utf8")), form: "revoca-1" }),
    ).toString("base64url");
    expect(readFlash(tampered, code.token)).toBeNull();
  });
});
