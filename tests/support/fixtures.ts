import { randomInt } from "node:crypto";
import { Gestione, type DelegationKind, type DelegationStatus, type OperatorRole } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { computeCheckCharacter } from "@/lib/codice-fiscale";

/** Small builders for integration tests: each returns the created row. */

let sequence = 0;
const next = () => ++sequence;

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const monthLetters = "ABCDEHLMPRST";
const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];
const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * A valid-format codice fiscale that no other fixture uses. Random over about
 * 10^13 values: test files run in parallel against one database, each with its
 * own module state, so a counter alone would repeat across files.
 */
export function uniqueCodiceFiscale(): string {
  const names = Array.from({ length: 6 }, () => pick(letters)).join("");
  const body = `${names}${twoDigits(randomInt(100))}${pick(monthLetters)}${twoDigits(1 + randomInt(28))}H501`;
  return body + computeCheckCharacter(body);
}

export async function createOffice(overrides: { code?: string; provinces?: string[] } = {}) {
  const code = overrides.code ?? String(9000 + next()).slice(-4);
  return prisma.office.create({
    data: {
      code,
      name: `Sede di prova ${code}`,
      region: "Lazio",
      city: "Roma",
      competence: {
        create: (overrides.provinces ?? []).flatMap((province) => Object.values(Gestione).map((gestione) => ({ gestione, province }))),
      },
    },
  });
}

export async function createGestioneSettings(gestione: Gestione = "AZIENDE") {
  return prisma.gestioneSettings.upsert({
    where: { gestione },
    create: { gestione, label: `Gestione ${gestione}`, maxFiles: 3, maxBytesPerFile: 3 * 1024 * 1024 },
    update: {},
  });
}

export async function createPerson(name = "Persona") {
  return prisma.person.create({
    data: { codiceFiscale: uniqueCodiceFiscale(), givenName: name, familyName: `Prova${next()}` },
  });
}

export async function createOperator(officeId: string, role: OperatorRole = "OPERATORE", active = true) {
  return prisma.operator.create({
    data: {
      codiceFiscale: uniqueCodiceFiscale(),
      givenName: "Operatore",
      familyName: `Prova${next()}`,
      email: `operatore${next()}@inps.example.it`,
      role,
      active,
      officeId,
    },
  });
}

export async function createPosition(holderId: string, officeId: string, gestione: Gestione = "AZIENDE") {
  await createGestioneSettings(gestione);
  const matricola = String(1_000_000_000 + next());
  return prisma.position.create({
    data: { gestione, matricola, denominazione: `Ditta ${matricola}`, province: "RM", holderId, officeId },
  });
}

export async function createDelegation(input: {
  holderId: string;
  delegateId: string;
  positionIds: string[];
  kind?: DelegationKind;
  status?: DelegationStatus;
  validFrom?: Date;
  validTo?: Date | null;
}) {
  return prisma.delegation.create({
    data: {
      holderId: input.holderId,
      delegateId: input.delegateId,
      kind: input.kind ?? "INTERMEDIARIO",
      status: input.status ?? "ACTIVE",
      validFrom: input.validFrom ?? new Date("2024-01-01T00:00:00Z"),
      validTo: input.validTo ?? null,
      scope: { create: input.positionIds.map((positionId) => ({ positionId })) },
    },
  });
}
