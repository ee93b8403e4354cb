import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { instanceSummary } from "./instance-summary";
import { findInstanceKind, instanceKinds, type InstanceKind } from "./kinds";
import {
  EURO_FORMAT_MESSAGE,
  instanceSchema,
  instanceValues,
  MONTH_FORMAT_MESSAGE,
  PERIOD_FUTURE_MESSAGE,
  PERIOD_ORDER_MESSAGE,
} from "./schemas";

const now = new Date("2026-11-20T10:00:00Z");

function kindOf(slug: string): InstanceKind {
  const kind = findInstanceKind(slug);
  if (!kind) throw new Error(`no kind ${slug}`);
  return kind;
}

const refund = {
  positionId: randomUUID(),
  idempotencyKey: randomUUID(),
  email: "studio@example.it",
  text: "Il versamento di marzo 2025 è stato eseguito due volte.",
  importo: "1.234,56",
  periodoDal: "03/2025",
  periodoAl: "3/2025",
  iban: "it60 x054 2811 1010 0000 0123 456",
  intestatario: "Studio Bianchi",
};

function errorsOf(kind: InstanceKind, input: Record<string, unknown>) {
  const parsed = instanceSchema(kind, now).safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("instanceSchema", () => {
  it("reads a refund: cents, months, the IBAN without spaces", () => {
    const kind = kindOf("rimborso");
    const parsed = instanceSchema(kind, now).parse(refund);
    expect(instanceValues(kind, parsed)).toEqual({
      importo: 123456,
      periodoDal: "2025-03",
      periodoAl: "2025-03",
      iban: "IT60X0542811101000000123456",
      intestatario: "Studio Bianchi",
    });
  });

  it("refuses an IBAN whose check digits do not match, an amount with a dot for decimals, a month that is not one", () => {
    const errors = errorsOf(kindOf("rimborso"), {
      ...refund,
      iban: "IT61X0542811101000000123456",
      importo: "12.34",
      periodoDal: "13/2025",
    });
    expect(errors.iban).toMatch(/cifre di controllo/);
    expect(errors.importo).toBe(EURO_FORMAT_MESSAGE);
    expect(errors.periodoDal).toBe(MONTH_FORMAT_MESSAGE);
  });

  it("refuses a period in the wrong order, one in the future and one before the Gestione Separata, with every other mistake", () => {
    const kind = kindOf("rimborso");
    expect(errorsOf(kind, { ...refund, periodoDal: "06/2025", periodoAl: "01/2025", iban: "" })).toEqual({
      periodoAl: PERIOD_ORDER_MESSAGE,
      iban: "Indicare l'IBAN del conto su cui accreditare il rimborso.",
    });
    expect(errorsOf(kind, { ...refund, periodoAl: "12/2026" })).toEqual({ periodoAl: PERIOD_FUTURE_MESSAGE });
    expect(errorsOf(kind, { ...refund, periodoDal: "12/1995" })).toEqual({
      periodoDal: "Il periodo non può iniziare prima di gennaio 1996.",
    });
  });

  it("says what is missing in each field of a blank form", () => {
    const errors = errorsOf(kindOf("rateizzazione"), {});
    expect(errors).toMatchObject({
      importo: "Indicare l'importo del debito da rateizzare.",
      rate: "Indicare il numero di rate.",
      periodoDal: "Indicare il mese iniziale del periodo.",
      periodoAl: "Indicare il mese finale del periodo.",
      text: "Scrivere il testo della richiesta.",
    });
  });

  it("keeps numbers and choices within what the kind allows", () => {
    expect(errorsOf(kindOf("rateizzazione"), { ...refund, rate: "48" }).rate).toBe("Indicare un numero intero da 2 a 24.");
    expect(errorsOf(kindOf("rateizzazione"), { ...refund, rate: "12", importo: "0,50" }).importo).toBe(
      "L'importo deve essere di almeno 1,00\u00a0€.",
    );
    expect(errorsOf(kindOf("riduzione-sanzioni"), { ...refund, importoSanzioni: "100", motivo: "altro" }).motivo).toBe(
      "Scegliere il motivo della riduzione.",
    );
    expect(errorsOf(kindOf("sgravio"), { ...refund, avviso: "3902024000123456X" }).avviso).toBe(
      "Il numero dell'avviso di addebito è composto da 17 cifre.",
    );
  });

  it("gives every kind a distinct address and subject", () => {
    expect(new Set(instanceKinds.map((kind) => kind.slug)).size).toBe(instanceKinds.length);
    expect(new Set(instanceKinds.map((kind) => kind.subjectCode)).size).toBe(instanceKinds.length);
  });
});

describe("instanceSummary", () => {
  it("labels each value and formats it", () => {
    const kind = kindOf("rimborso");
    const values = instanceValues(kind, instanceSchema(kind, now).parse(refund));
    expect(instanceSummary({ kind: "rimborso", values })).toEqual({
      title: "Istanza di rimborso",
      rows: [
        ["Importo da rimborsare", "1.234,56\u00a0€"],
        ["Periodo dei versamenti", "da marzo 2025 a marzo 2025"],
        ["IBAN del conto di accredito", "IT60 X054 2811 1010 0000 0123 456"],
        ["Intestatario del conto", "Studio Bianchi"],
      ],
    });
  });

  it("shows a choice by its label, and nothing for a request that is not an istanza", () => {
    expect(instanceSummary({ kind: "riduzione-sanzioni", values: { motivo: "crisi" } })?.rows).toEqual([
      ["Motivo della riduzione", "Crisi, riconversione o ristrutturazione aziendale"],
    ]);
    expect(instanceSummary(null)).toBeNull();
    expect(instanceSummary({ kind: "altro", values: {} })).toBeNull();
  });
});
