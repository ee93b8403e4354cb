import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import { savedFilterNameSchema } from "./schemas";

describe("savedFilterNameSchema", () => {
  it("trims the name and wants 1 to 60 characters, with messages on the name field", () => {
    expect(savedFilterNameSchema.parse({ name: "  Clienti di Roma  " })).toEqual({ name: "Clienti di Roma" });
    const errorsOf = (name: unknown) => {
      const result = savedFilterNameSchema.safeParse({ name });
      return result.success ? {} : fieldErrorsOf(result.error);
    };
    expect(errorsOf("   ")).toEqual({ name: ["Indicare un nome per i filtri da salvare."] });
    expect(errorsOf(undefined)).toEqual({ name: ["Indicare un nome per i filtri da salvare."] });
    expect(errorsOf("x".repeat(61))).toEqual({ name: ["Il nome è troppo lungo: 1 carattere oltre il limite di 60."] });
    expect(errorsOf(`  ${"x".repeat(60)}  `)).toEqual({});
  });
});
