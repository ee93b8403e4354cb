import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import { normalizeLandline, normalizeMobile } from "@/server/contacts/contact-fields";
import { contactRuleErrors, contactsSchema, fileLimitErrors, newRequestSchema, requestListQuerySchema, requestListSearch } from "./schemas";

const rules = { label: "Gestione Separata – Liberi professionisti", pecRequired: true, emailOrPhoneRequired: true };
const noContacts = contactsSchema.parse({});

describe("Italian phone numbers", () => {
  it("accept mobiles with or without +39 / 0039 and the usual separators", () => {
    for (const typed of ["3331234567", "+39 333 123 4567", "0039-333-1234567", "333.123.456"]) {
      expect(normalizeMobile(typed)).toMatch(/^\+393\d{8,9}$/);
    }
    expect(normalizeMobile("+39 333 123 4567")).toBe("+393331234567");
  });

  it("refuse foreign, fixed or malformed numbers as mobiles", () => {
    for (const typed of ["+44 7700 900123", "06 1234567", "33312", "333-abc-4567", ""]) expect(normalizeMobile(typed)).toBeNull();
  });

  it("accept fixed numbers with their area code", () => {
    expect(normalizeLandline("06 1234 5678")).toBe("+390612345678");
    expect(normalizeLandline("+39 02 1234567")).toBe("+39021234567");
    expect(normalizeLandline("3331234567")).toBeNull();
    expect(normalizeLandline("0612")).toBeNull();
  });
});

describe("newRequestSchema", () => {
  const valid = {
    positionId: randomUUID(),
    subjectId: randomUUID(),
    text: "  Chiedo chiarimenti sul versamento di marzo.  ",
    email: " Nome.Cognome@Example.IT ",
    pec: "",
    consentEmail: "on",
    idempotencyKey: randomUUID(),
  };

  it("trims the text, lower-cases addresses, turns blanks into nothing and ticks into true", () => {
    const parsed = newRequestSchema.parse(valid);
    expect(parsed.text).toBe("Chiedo chiarimenti sul versamento di marzo.");
    expect(parsed.email).toBe("nome.cognome@example.it");
    expect(parsed.pec).toBeUndefined();
    expect(parsed).toMatchObject({ consentEmail: true, consentSms: false, consentPec: false });
  });

  it("names every field in error with an Italian message", () => {
    const result = newRequestSchema.safeParse({ text: "breve", email: "non-valida", mobile: "123" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      positionId: ["Scegliere la posizione contributiva."],
      subjectId: ["Scegliere l'oggetto della richiesta."],
      text: ["Il testo deve contenere almeno 20 caratteri."],
      email: ["Indicare un indirizzo e-mail valido, ad esempio nome.cognome@example.it."],
      mobile: ["Indicare un numero di cellulare italiano valido, ad esempio 333 1234567."],
      idempotencyKey: ["Il modulo è scaduto: ricaricare la pagina e inviarlo di nuovo."],
    });
  });
});

describe("contactRuleErrors", () => {
  it("asks for an e-mail or a phone, and the PEC where the gestione wants it", () => {
    expect(contactRuleErrors(rules, noContacts)).toEqual({
      email: ["Indicare almeno un indirizzo e-mail o un numero di telefono."],
      pec: ["Per la Gestione Separata – Liberi professionisti la PEC è obbligatoria."],
    });
  });

  it("is satisfied by a landline alone where no PEC is needed", () => {
    const contacts = contactsSchema.parse({ landline: "06 1234567" });
    expect(contactRuleErrors({ ...rules, pecRequired: false }, contacts)).toEqual({});
  });

  it("ties each consent to its channel's contact", () => {
    const contacts = contactsSchema.parse({
      landline: "06 1234567",
      pec: "a@pec.it",
      consentEmail: "on",
      consentSms: "on",
      consentPec: "on",
    });
    expect(Object.keys(contactRuleErrors(rules, contacts)).sort()).toEqual(["consentEmail", "consentSms"]);
  });
});

describe("fileLimitErrors", () => {
  const limits = { maxFiles: 2, maxBytesPerFile: 1024 * 1024 };
  it("reports too many files and each file too large", () => {
    const files = [
      { fileName: "a.pdf", size: 10 },
      { fileName: "b.pdf", size: 2 * 1024 * 1024 },
      { fileName: "c.pdf", size: 10 },
    ];
    expect(fileLimitErrors(limits, files)).toEqual({
      allegati: ["Si possono allegare al massimo 2 file.", "Il file «b.pdf» supera il limite di 1 MB."],
    });
    expect(fileLimitErrors(limits, files.slice(0, 1))).toEqual({});
  });
});

describe("requestListQuerySchema", () => {
  it("defaults to the latest update first and falls back on unknown sorts", () => {
    expect(requestListQuerySchema.parse({})).toMatchObject({ ordina: "aggiornamento", verso: "desc" });
    expect(requestListQuerySchema.parse({ ordina: "x", verso: "y" })).toMatchObject({ ordina: "aggiornamento", verso: "desc" });
  });

  it("sorts an opening period by opening date instead of last update, unless an update period is set too", () => {
    const sortOf = (query: Record<string, string>) => requestListQuerySchema.parse(query).ordina;
    expect(sortOf({ apertaAl: "2026-03-31" })).toBe("apertura");
    expect(sortOf({ apertaDal: "2026-03-01", ordina: "aggiornamento" })).toBe("apertura");
    expect(sortOf({ apertaDal: "2026-03-01", aggiornataAl: "2026-04-30" })).toBe("aggiornamento");
    expect(sortOf({ apertaDal: "2026-03-01", ordina: "protocollo" })).toBe("protocollo");
    expect(sortOf({ aggiornataDal: "2026-03-01" })).toBe("aggiornamento");
  });

  it("upper-cases the matricola and refuses impossible dates and reversed ranges", () => {
    expect(requestListQuerySchema.parse({ matricola: " 7000123456ar " }).matricola).toBe("7000123456AR");
    const result = requestListQuerySchema.safeParse({ apertaDal: "2026-04-31", aggiornataDal: "2026-05-02", aggiornataAl: "2026-05-01" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(fieldErrorsOf(result.error)).sort()).toEqual(["aggiornataAl", "apertaDal"]);
  });
});

describe("the list's text and choice filters", () => {
  it("refuses a matricola or a client too long and a subject that is no id, each on its field", () => {
    const result = requestListQuerySchema.safeParse({ matricola: "9".repeat(21), cliente: "x".repeat(61), oggetto: "non-un-id" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      matricola: ["La matricola può contenere al massimo 20 caratteri."],
      cliente: ["Il cliente può contenere al massimo 60 caratteri."],
      oggetto: ["Scegliere un oggetto tra quelli proposti."],
    });
  });

  it("drops a paging cursor it cannot have written, rather than refusing the list", () => {
    expect(requestListQuerySchema.parse({ dopo: "x".repeat(201), prima: ["a", "b"] })).toMatchObject({ dopo: undefined, prima: undefined });
  });
});

describe("the list's kind filter", () => {
  it("takes requests or communications, blank for both, and refuses anything else on its field", () => {
    expect(requestListQuerySchema.parse({ tipo: "comunicazioni" }).tipo).toBe("comunicazioni");
    expect(requestListQuerySchema.parse({ tipo: "" }).tipo).toBeUndefined();
    const result = requestListQuerySchema.safeParse({ tipo: "avvisi" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({ tipo: ["Scegliere un tipo tra quelli proposti."] });
  });
});

describe("requestListSearch", () => {
  it("writes the view in a fixed order, without blanks, cursors or unknown parameters", () => {
    const view = { verso: "asc", dopo: "cursore", stato: "aperta", cliente: "", avviso: "token", tipo: "richieste", matricola: "123" };
    expect(requestListSearch(view)).toBe("matricola=123&stato=aperta&tipo=richieste&verso=asc");
  });

  it("writes a parsed query whole, so that the same filters always make the same string", () => {
    const one = requestListSearch(requestListQuerySchema.parse({ stato: "chiusa", cliente: " Rossi ", prima: "x" }));
    const other = requestListSearch(
      requestListQuerySchema.parse({ verso: "desc", cliente: "Rossi", ordina: "aggiornamento", stato: "chiusa" }),
    );
    expect(one).toBe("cliente=Rossi&stato=chiusa&ordina=aggiornamento&verso=desc");
    expect(other).toBe(one);
  });

  it("encodes what it writes", () => {
    expect(requestListSearch({ cliente: "Rossi & figli=1" })).toBe("cliente=Rossi+%26+figli%3D1");
  });
});
