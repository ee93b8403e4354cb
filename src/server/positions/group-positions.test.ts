import { describe, expect, it } from "vitest";
import { groupPositions } from "./group-positions";
import type { ActorPosition } from "./list-actor-positions";

function position(matricola: string, gestione: ActorPosition["gestione"], holderCf: string): ActorPosition {
  return {
    id: matricola,
    gestione,
    gestioneLabel: `Gestione ${gestione}`,
    matricola,
    denominazione: `Posizione ${matricola}`,
    holder: { codiceFiscale: holderCf, name: `Titolare ${holderCf}` },
    office: { code: "0040", name: "Roma" },
  };
}

const positions = [position("1", "AZIENDE", "AAA"), position("2", "ARTIGIANI_COMMERCIANTI", "AAA"), position("3", "AZIENDE", "BBB")];

describe("groupPositions", () => {
  it("groups a holder's positions by gestione", () => {
    const groups = groupPositions("TITOLARE", positions);
    expect(groups.map((group) => group.title)).toEqual(["Gestione AZIENDE", "Gestione ARTIGIANI_COMMERCIANTI"]);
    expect(groups[0]?.positions.map((p) => p.matricola)).toEqual(["1", "3"]);
  });

  it("groups an intermediary's positions by client", () => {
    const groups = groupPositions("INTERMEDIARIO", positions);
    expect(groups.map((group) => group.key)).toEqual(["AAA", "BBB"]);
    expect(groups[0]?.subtitle).toBe("Codice fiscale AAA");
    expect(groups[0]?.positions).toHaveLength(2);
  });
});
