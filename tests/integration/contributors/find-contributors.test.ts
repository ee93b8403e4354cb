import { beforeAll, describe, expect, it } from "vitest";
import { findContributors } from "@/server/contributors/find-contributors";
import { CONTRIBUTOR_RESULTS_MAX } from "@/server/contributors/schemas";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { createOffice, createPosition, uniqueCodiceFiscale } from "../../support/fixtures";
import { createQuesito, operatorActor } from "../../support/quesito-fixtures";

const person = (givenName: string, familyName: string) =>
  prisma.person.create({ data: { codiceFiscale: uniqueCodiceFiscale(), givenName, familyName } });

/**
 * Office A is competent for Maria Rossi's position and has a quesito of
 * Giuseppe Verdi (whose position is at office B); Mario Rossi is only office
 * B's. An operator of A finds the first two, never the third.
 */
describe("findContributors", () => {
  let operator: OperatorActor;
  let maria: { id: string; codiceFiscale: string };
  let giuseppe: { id: string; codiceFiscale: string };
  let mario: { id: string; codiceFiscale: string };
  let mariaMatricola: string;
  let giuseppeProtocol: string;

  const codesOf = async (cerca: string) => (await findContributors(operator, { cerca })).people.map((found) => found.codiceFiscale);
  const refusal = async (cerca: string) => {
    const error = await findContributors(operator, { cerca }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors.cerca;
  };

  beforeAll(async () => {
    const a = (await createOffice()).id;
    const b = (await createOffice()).id;
    operator = await operatorActor(a);
    maria = await person("Maria", "Rossi");
    giuseppe = await person("Giuseppe", "Verdi");
    mario = await person("Mario", "Rossi");
    mariaMatricola = (await createPosition(maria.id, a)).matricola;
    const giuseppePosition = await createPosition(giuseppe.id, b);
    await createPosition(mario.id, b);
    giuseppeProtocol = (await createQuesito({ officeId: a, holder: giuseppe, positionId: giuseppePosition.id })).request.protocolNumber;
  });

  it("finds by codice fiscale, in any case", async () => {
    expect(await codesOf(maria.codiceFiscale.toLowerCase())).toEqual([maria.codiceFiscale]);
  });

  it("finds by matricola", async () => {
    expect(await codesOf(mariaMatricola)).toEqual([maria.codiceFiscale]);
  });

  it("finds by name, any part, any order, only the people the office may open", async () => {
    expect(await codesOf("rossi")).toEqual([maria.codiceFiscale]);
    expect(await codesOf("Ross Mar")).toEqual([maria.codiceFiscale]);
    expect(await codesOf("verd")).toEqual([giuseppe.codiceFiscale]);
    expect(await codesOf(mario.codiceFiscale)).toEqual([]);
  });

  it("finds by surname alone the holders of the office's quesiti, through the quesito's copy of the holder, never another office's", async () => {
    const b = (await prisma.office.findFirstOrThrow({ where: { positions: { some: { holderId: mario.id } } } })).id;
    const luigi = await person("Luigi", "Verdi");
    const luigiPosition = await createPosition(luigi.id, b);
    const { quesito, request } = await createQuesito({ officeId: b, holder: luigi, positionId: luigiPosition.id });
    expect(quesito?.holderId).toBe(request.holderId);
    expect(await codesOf("Verdi")).toEqual([giuseppe.codiceFiscale]);

    // Whoever inserts a quesito, the trigger copies the request's holder over what the insert says.
    const [inserted] = await prisma.$queryRaw<{ holderId: string }[]>`
      WITH gone AS (DELETE FROM "Quesito" WHERE id = ${quesito?.id}::uuid RETURNING *)
      INSERT INTO "Quesito" (id, "requestId", "officeId", gestione, "subjectId", "holderId", "updatedAt")
      SELECT gen_random_uuid(), "requestId", ${operator.office.id}::uuid, gestione, "subjectId", ${maria.id}::uuid, now() FROM gone
      RETURNING "holderId"`;
    expect(inserted?.holderId).toBe(luigi.id);
    expect(await codesOf("Verdi")).toEqual([giuseppe.codiceFiscale, luigi.codiceFiscale]);
  });

  it("finds by protocol number, whole or in part", async () => {
    expect(await codesOf(giuseppeProtocol)).toEqual([giuseppe.codiceFiscale]);
    expect(await codesOf(giuseppeProtocol.split(".").slice(0, 2).join(".").toLowerCase())).toEqual([giuseppe.codiceFiscale]);
  });

  it("tells the office's positions of each person found", async () => {
    const [found] = (await findContributors(operator, { cerca: "Maria Rossi" })).people;
    expect(found).toMatchObject({ name: "Maria Rossi", positions: [{ matricola: mariaMatricola }] });
  });

  it("takes quotes, % and _ as themselves, drops NUL, and finds nothing where nothing matches", async () => {
    expect(await codesOf(`Ro'ssi"`)).toEqual([]);
    expect(await codesOf("%%%")).toEqual([]);
    expect(await codesOf("R_ssi")).toEqual([]);
    expect(await codesOf("Ros\u0000si")).toEqual([maria.codiceFiscale]);
    expect(await findContributors(operator, { cerca: "\u0000\u0000" })).toEqual({ people: [], more: false });
  });

  it("refuses a term too short or too long with an Italian message", async () => {
    expect(await refusal("ab")).toEqual([
      "Scrivere almeno 3 caratteri: un codice fiscale, una matricola, un nome o un numero di protocollo.",
    ]);
    expect(await refusal("x".repeat(10_000))).toEqual([
      "La ricerca può contenere al massimo 80 caratteri: scrivere un codice fiscale, una matricola, un nome o un numero di protocollo.",
    ]);
  });

  it("shows at most a page of people and says there are more", async () => {
    const officeId = operator.office.id;
    for (let index = 0; index <= CONTRIBUTOR_RESULTS_MAX; index += 1) {
      await createPosition((await person("Anna", `Bianchi${String(index).padStart(2, "0")}`)).id, officeId);
    }
    const result = await findContributors(operator, { cerca: "Bianchi" });
    expect(result.people).toHaveLength(CONTRIBUTOR_RESULTS_MAX);
    expect(result.more).toBe(true);
    expect(result.people[0]?.name).toBe("Anna Bianchi00");
  });
});
