import { describe, expect, it } from "vitest";
import { newCommunicationSchema } from "@/server/communications/schemas";
import { instanceKinds } from "@/server/istanze/kinds";
import { instanceSchema } from "@/server/istanze/schemas";
import { newRequestSchema } from "@/server/requests/schemas";
import { draftFormFields, draftReferenceSchema } from "./schemas";

describe("draftReferenceSchema", () => {
  it("reads one or many kept files and ignores what is not a reference", () => {
    expect(draftReferenceSchema.parse({ bozza: "", conservati: "k1" })).toEqual({ bozza: undefined, conservati: ["k1"] });
    expect(draftReferenceSchema.parse({ bozza: "d", conservati: ["k1", "k2"] })).toEqual({ bozza: "d", conservati: ["k1", "k2"] });
    expect(draftReferenceSchema.parse({ conservati: 42 })).toEqual({ bozza: undefined, conservati: [] });
  });
});

describe("draftFormFields", () => {
  it("lets a draft of Nuova richiesta keep exactly the fields of its schema", () => {
    expect([...draftFormFields.NUOVA_RICHIESTA].sort()).toEqual(Object.keys(newRequestSchema.shape).sort());
  });

  it("lets a draft of Nuova comunicazione keep exactly the fields of its schema, its idempotency key too", () => {
    const fields = Object.keys(newCommunicationSchema(new Date()).shape);
    expect(fields).toContain("idempotencyKey");
    expect([...draftFormFields.NUOVA_COMUNICAZIONE].sort()).toEqual(fields.sort());
  });

  it("lets a draft of an Istanza online keep exactly the fields of the forms of its kinds", () => {
    const fields = new Set(instanceKinds.flatMap((kind) => Object.keys(instanceSchema(kind, new Date()).shape)));
    expect([...draftFormFields.ISTANZA].sort()).toEqual([...fields].sort());
  });
});
