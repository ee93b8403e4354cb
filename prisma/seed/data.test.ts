import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSeedData, SEED_DATA_DIR, SeedDataError } from "./data";

const FILES = ["offices", "gestioni", "subjects", "people", "operators", "questionnaires"] as const;
type Files = Record<(typeof FILES)[number], unknown>;

/* Shipped JSON shapes, just enough for the tests to edit entries. */
type Entry = Record<string, unknown>;
type PeopleFile = { people: (Entry & { positions: Entry[] })[]; delegations: (Entry & { scope: Entry[] })[] };

/** Loads a copy of the shipped files after `edit` changed it; returns the error's problems. */
function problemsAfter(edit: (files: Files) => void): string[] {
  const files = Object.fromEntries(
    FILES.map((name) => [name, JSON.parse(readFileSync(join(SEED_DATA_DIR, `${name}.json`), "utf8"))]),
  ) as Files;
  edit(files);
  const dir = mkdtempSync(join(tmpdir(), "seed-data-"));
  for (const name of FILES) writeFileSync(join(dir, `${name}.json`), JSON.stringify(files[name]));
  try {
    loadSeedData(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedDataError);
    return (error as SeedDataError).problems;
  }
  throw new Error("The edited data were accepted");
}

const ALL_PROVINCES = `AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CL CN CO CR CS CT CZ
  EN FC FE FG FI FM FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU OR PA PC PD PE PG PI PN
  PO PR PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU SV TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VT VV`;

describe("seed data loader", () => {
  it("accepts the shipped files", () => {
    const data = loadSeedData();
    expect(data.gestioni).toHaveLength(4);
    expect(data.people.people.length).toBeGreaterThanOrEqual(6);
  });

  it("assigns each of the 107 provinces to exactly one office", () => {
    const provinces = loadSeedData().offices.flatMap((office) => office.provinces);
    expect(provinces.toSorted()).toEqual(ALL_PROVINCES.split(/\s+/));
  });

  it("names file, entry and field of a malformed entry", () => {
    const problems = problemsAfter((files) => {
      const person = (files.people as PeopleFile).people[1];
      if (person) person.codiceFiscale = "BNCGLI85C62F205X";
    });
    expect(problems).toEqual([
      "people.json › people[1] (BNCGLI85C62F205X) › codiceFiscale: Il carattere di controllo del codice fiscale non è corretto",
    ]);
  });

  it("rejects unknown fields and explains Zod's own errors in Italian", () => {
    const problems = problemsAfter((files) => {
      const office = (files.offices as Entry[])[2];
      if (office) {
        office.provincie = office.provinces;
        office.city = 7;
      }
    });
    expect(problems).toEqual([
      "offices.json › [2] (4900) › city: Input non valido: atteso string, ricevuto numero",
      'offices.json › [2] (4900): Chiave non riconosciuta: "provincie"',
    ]);
  });

  it("checks references between entries and files", () => {
    const problems = problemsAfter((files) => {
      const people = files.people as PeopleFile;
      const [firstDelegation] = people.delegations;
      if (firstDelegation) firstDelegation.scope = [{ gestione: "AZIENDE", matricola: "5100234519" }];
      const [firstOperator] = files.operators as Entry[];
      if (firstOperator) firstOperator.office = "9999";
      (files.offices as { provinces: string[] }[])[0]?.provinces.push("AO");
    });
    expect(problems).toEqual([
      "offices.json › [1] (0400) › provinces[0]: La provincia AO è già assegnata alla sede 8100",
      "people.json › delegations[0] (01936b2a-4c00-7000-8000-000000000001) › scope[0]: La posizione non è del titolare",
      "operators.json › [0] (MRNPLA82H15H501Q) › office: Sede 9999 inesistente",
    ]);
  });

  it("checks the matricola format of each gestione", () => {
    const problems = problemsAfter((files) => {
      const people = (files.people as PeopleFile).people;
      const [artigiano, , azienda, studio] = people.map((person) => person.positions[0]);
      if (artigiano) artigiano.matricola = "7000123456XY";
      if (azienda) azienda.matricola = "51002345";
      if (studio) studio.matricola = "09123450589";
    });
    expect(problems).toEqual([
      "people.json › people[0] (RSSMRA78E14H501S) › positions[0].matricola: Il codice posizione deve essere di 10 cifre seguite da AR o CO",
      "people.json › people[2] (SPSNTN70S03F839H) › positions[0].matricola: La matricola aziendale deve essere di 10 cifre",
      "people.json › people[3] (RCCFNC80P52H501Q) › positions[0].matricola: La cifra di controllo del codice fiscale non è corretta",
      "people.json › delegations[0] (01936b2a-4c00-7000-8000-000000000001) › scope[0]: Posizione ARTIGIANI_COMMERCIANTI 7000123456AR inesistente",
      "people.json › delegations[2] (01936b2a-4c00-7000-8000-000000000003) › scope[0]: Posizione AZIENDE 5100234519 inesistente",
      "people.json › delegations[4] (01936b2a-4c00-7000-8000-000000000005) › scope[0]: Posizione AZIENDE 5100234519 inesistente",
    ]);
  });

  it("reports a file that is not valid JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "seed-data-"));
    for (const name of FILES) writeFileSync(join(dir, `${name}.json`), readFileSync(join(SEED_DATA_DIR, `${name}.json`)));
    writeFileSync(join(dir, "operators.json"), "[{");
    expect(() => loadSeedData(dir)).toThrow(/operators\.json: JSON non valido/);
  });
});
