import { afterEach, describe, expect, it, vi } from "vitest";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import { ValidationError } from "@/server/errors/domain-errors";
import { DELETE_FILTER_FORM, flashCookie, readFlash, SAVE_FILTER_FORM } from "./flash";

afterEach(() => vi.unstubAllEnvs());

describe("request list outcome across the redirect", () => {
  it("names the cookie __Secure- over https (its path rules out __Host-)", () => {
    vi.stubEnv("PUBLIC_URL", "https://cassetto.example.it");
    const cookie = flashCookie({ tone: "success", message: "Filtri salvati." });
    expect(cookie).toMatchObject({ name: "__Secure-cb.cassetto.richieste", options: { secure: true, path: "/cassetto/richieste" } });
  });

  it("brings a refused save back to its form with the name typed, in the list's own cookie", () => {
    const error = new ValidationError({ name: ["Indicare un nome per i filtri da salvare."] });
    const cookie = flashCookie(refusedFormFlash(error, SAVE_FILTER_FORM, { name: "  " }));

    expect(cookie).toMatchObject({ name: "cb.cassetto.richieste", options: { path: "/cassetto/richieste", httpOnly: true } });
    expect(readFlash(cookie.value, cookie.token)).toEqual({
      tone: "danger",
      message: error.message,
      form: SAVE_FILTER_FORM,
      errors: { name: ["Indicare un nome per i filtri da salvare."] },
      values: { name: "  " },
    });
    expect(readFlash(cookie.value, undefined)).toBeNull();
  });

  it("knows the delete form and no other page's forms", () => {
    const deleted = flashCookie({ tone: "success", message: "Filtro «Aperte» eliminato.", form: DELETE_FILTER_FORM });
    expect(readFlash(deleted.value, deleted.token)?.form).toBe(DELETE_FILTER_FORM);

    const foreign = Buffer.from(JSON.stringify({ token: "t", tone: "danger", message: "No", form: "conferisci" })).toString("base64url");
    expect(readFlash(foreign, "t")).toBeNull();
  });
});
