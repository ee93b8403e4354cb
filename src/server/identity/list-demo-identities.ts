import "server-only";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import { getConfig } from "@/server/config";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import { roleLabels } from "./actor";

export type DemoIdentity = { codiceFiscale: string; name: string; description: string[] };

const dateFormat = new Intl.DateTimeFormat("it-IT", { dateStyle: "short", timeZone: "Europe/Rome" });

/** The demo people, each described by what they hold; only outside production. */
export async function listDemoPeople(): Promise<DemoIdentity[]> {
  if (!getConfig().isDemo) throw new NotFoundError();
  const people = await prisma.person.findMany({
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
    select: {
      codiceFiscale: true,
      givenName: true,
      familyName: true,
      positions: { select: { gestione: true, denominazione: true }, orderBy: { gestione: "asc" } },
      delegationsHeld: {
        select: { kind: true, status: true, validTo: true, holder: { select: { givenName: true, familyName: true } } },
        orderBy: { validFrom: "asc" },
      },
    },
  });
  const labels = await getGestioneLabels();
  return people.map((person) => ({
    codiceFiscale: person.codiceFiscale,
    name: fullName(person),
    description: [
      ...person.positions.map((position) => `Titolare: ${position.denominazione} (${labels.get(position.gestione)})`),
      ...person.delegationsHeld.map((delegation) => {
        const who = fullName(delegation.holder);
        const role = delegation.kind === "INTERMEDIARIO" ? "Intermediario per" : "Dipendente delegato da";
        const state =
          delegation.status === "ACTIVE"
            ? delegation.validTo
              ? `delega attiva fino al ${dateFormat.format(delegation.validTo)}`
              : "delega attiva"
            : `delega ${delegationStatusLabel[delegation.status]}`;
        return `${role} ${who} (${state})`;
      }),
    ],
  }));
}

const delegationStatusLabel = {
  ACTIVE: "attiva",
  PENDING: "in attesa di accettazione",
  REVOKED: "revocata",
  REJECTED: "rifiutata",
  EXPIRED: "scaduta",
} as const;

/** The demo operators with office and role; only outside production. */
export async function listDemoOperators(): Promise<DemoIdentity[]> {
  if (!getConfig().isDemo) throw new NotFoundError();
  const operators = await prisma.operator.findMany({
    where: { active: true },
    orderBy: [{ office: { name: "asc" } }, { familyName: "asc" }],
    select: { codiceFiscale: true, givenName: true, familyName: true, role: true, office: { select: { name: true } } },
  });
  return operators.map((operator) => ({
    codiceFiscale: operator.codiceFiscale,
    name: fullName(operator),
    description: [`${roleLabels[operator.role]} – ${operator.office.name}`],
  }));
}
