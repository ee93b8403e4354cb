import { describe, expect, it } from "vitest";
import { positionLabel } from "./position-label";

describe("positionLabel", () => {
  const professionisti = { gestioneLabel: "Gestione separata – professionisti", matricola: "RSSMRA80", denominazione: "Studio Rossi" };
  const committenti = { ...professionisti, gestioneLabel: "Gestione separata – committenti" };

  it("tells apart two positions that share a matricola, by their gestione", () => {
    expect(positionLabel(professionisti)).not.toBe(positionLabel(committenti));
    expect(positionLabel(committenti)).toBe("Gestione separata – committenti, matricola RSSMRA80");
  });

  it("adds the denominazione when asked", () => {
    expect(positionLabel(professionisti, { withDenominazione: true })).toBe(
      "Gestione separata – professionisti, matricola RSSMRA80 – Studio Rossi",
    );
  });
});
