import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/errors/domain-errors";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import { flashCookie, readFlash } from "./flash";

describe("delegations page outcome across the redirect", () => {
  it("reads back a refusal with its field errors and typed values, only with the redirect's token", () => {
    const error = new ValidationError({ reason: ["Indicare il motivo della revoca."] });
    const cookie = flashCookie(refusedFormFlash(error, "revoca-1", { reason: "" }));

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

describe("delegations page forms", () => {
  it("carries a highlighted value and accepts the request and answer forms, nothing else", () => {
    const success = flashCookie({ tone: "success", message: "Richiesta accettata.", highlight: "ABCD-EFGH" });
    expect(readFlash(success.value, success.token)).toEqual({ tone: "success", message: "Richiesta accettata.", highlight: "ABCD-EFGH" });

    for (const form of ["richiedi", "accetta-1", "rifiuta-1", "conferma-1"] as const) {
      const cookie = flashCookie({ tone: "danger", message: "No", form });
      expect(readFlash(cookie.value, cookie.token)?.form).toBe(form);
    }
    const forged = flashCookie({ tone: "danger", message: "No", form: "richiedi" });
    const tampered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(forged.value, "base64url").toString("utf8")), form: "altro-1" }),
    ).toString("base64url");
    expect(readFlash(tampered, forged.token)).toBeNull();
  });
});
