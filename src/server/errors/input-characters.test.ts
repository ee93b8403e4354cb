import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "@/lib/form-fields";
import {
  confirmDelegationSchema,
  grantDelegationSchema,
  rejectDelegationSchema,
  requestDelegationSchema,
  revokeDelegationSchema,
} from "@/server/delegations/schemas";
import {
  changeQuesitoStateSchema,
  closeQuesitoSchema,
  internalNoteSchema,
  queueFiltersSchema,
  reassignQuesitoSchema,
  replySchema,
} from "@/server/quesiti/schemas";
import { contributorMessageSchema, newRequestSchema, requestListQuerySchema } from "@/server/requests/schemas";
import { draftReferenceSchema } from "@/server/drafts/schemas";
import { savedFilterNameSchema } from "@/server/saved-filters/schemas";

/**
 * Every input schema, with a valid input: whatever text field gets a NUL or
 * another control character, the schema refuses it or gives back a value
 * without it — nothing that PostgreSQL would refuse reaches a query.
 */
const longText = "Chiedo la verifica dei versamenti di marzo.";
const schemas: [string, z.ZodType, Record<string, string>][] = [
  [
    "nuova richiesta",
    newRequestSchema,
    {
      positionId: randomUUID(),
      subjectId: randomUUID(),
      text: longText,
      idempotencyKey: randomUUID(),
      email: "mario.rossi@example.it",
      pec: "mario.rossi@pec.example.it",
      mobile: "333 1234567",
      landline: "06 12345678",
      fax: "06 12345679",
      extraEmail: "studio@example.it",
      consentEmail: "on",
    },
  ],
  ["messaggio", contributorMessageSchema, { text: longText }],
  ["nome dei filtri", savedFilterNameSchema, { name: "Clienti di Roma" }],
  ["bozza", draftReferenceSchema, { bozza: randomUUID(), conservati: randomUUID() }],
  [
    "filtri dell'elenco",
    requestListQuerySchema,
    { cliente: "Rossi", matricola: "1234567890", apertaDal: "2026-01-01", dopo: "eyJ2YWx1ZSI6IjEifQ", ordina: "apertura" },
  ],
  ["filtri della coda", queueFiltersSchema, { cerca: "INPS.0040", stato: "nuovo", dal: "2026-01-01" }],
  ["risposta", replySchema, { expectedVersion: "1", body: longText }],
  ["nota interna", internalNoteSchema, { expectedVersion: "1", body: longText }],
  ["cambio di stato", changeQuesitoStateSchema, { expectedVersion: "1", toState: "IN_LAVORAZIONE", comment: longText }],
  ["chiusura", closeQuesitoSchema, { expectedVersion: "1", esito: "ACCOLTA", comment: longText }],
  ["riassegnazione", reassignQuesitoSchema, { expectedVersion: "1", officeId: randomUUID(), comment: longText }],
  ["revoca della delega", revokeDelegationSchema, { delegationId: randomUUID(), reason: "Mandato concluso." }],
  ["rifiuto della delega", rejectDelegationSchema, { delegationId: randomUUID(), reason: "Non conosco lo studio." }],
  [
    "richiesta di delega",
    requestDelegationSchema,
    { holderCodiceFiscale: "RSSMRA80A01H501U", kind: "INTERMEDIARIO", matricole: "1234567890" },
  ],
  ["delega diretta", grantDelegationSchema, { delegateCodiceFiscale: "RSSMRA80A01H501U", kind: "DIPENDENTE", validTo: "2027-01-01" }],
  ["codice di verifica", confirmDelegationSchema, { delegationId: randomUUID(), code: "ABCD2345" }],
];

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("control characters in any field of any schema", () => {
  it.each(schemas)("%s: the valid input passes", (_name, schema, valid) => {
    const input = schema === grantDelegationSchema ? { ...valid, positionIds: [randomUUID()] } : valid;
    expect(schema.safeParse(input).error?.issues ?? []).toEqual([]);
  });

  it.each(schemas)("%s: a NUL or control character in a field is refused or dropped", (_name, schema, valid) => {
    const base = schema === grantDelegationSchema ? { ...valid, positionIds: [randomUUID()] } : valid;
    for (const [field, value] of Object.entries(valid)) {
      for (const character of ["\u0000", "\u001B", "\uD800"]) {
        const input = { ...base, [field]: `${value.slice(0, 3)}${character}${value.slice(3)}` };
        const parsed = schema.safeParse(input);
        if (parsed.success) expect(strings(parsed.data).some(hasForbiddenCharacters), `${field} ${JSON.stringify(character)}`).toBe(false);
      }
    }
  });

  it("tells a person who typed one why the text is refused, on the field", () => {
    for (const [schema, field, input] of [
      [newRequestSchema, "text", schemas[0]?.[2]],
      [contributorMessageSchema, "text", { text: longText }],
      [savedFilterNameSchema, "name", { name: "Clienti" }],
      [replySchema, "body", { expectedVersion: "1", body: longText }],
    ] as const) {
      const parsed = schema.safeParse({ ...input, [field]: `Testo\u0000 con un carattere nullo` });
      expect(parsed.error?.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message)).toEqual([
        CONTROL_CHARACTERS_MESSAGE,
      ]);
    }
  });
});
