import "server-only";
import { prisma } from "@/server/db/client";
import { getConfig } from "@/server/config";
import { NotFoundError } from "@/server/errors/domain-errors";
import { codiceFiscaleFromClaims, nameFromClaims, type IdentityClaims } from "./identity-claims";

function requireDemo(): void {
  if (!getConfig().isDemo) throw new NotFoundError();
}

/** Demo sign-in of a listed person; impossible in production. */
export async function authenticateDemoPerson(codiceFiscale: string): Promise<{ id: string } | null> {
  requireDemo();
  return prisma.person.findUnique({ where: { codiceFiscale }, select: { id: true } });
}

/** Demo sign-in of an active operator; impossible in production. */
export async function authenticateDemoOperator(codiceFiscale: string): Promise<{ id: string } | null> {
  requireDemo();
  return prisma.operator.findFirst({ where: { codiceFiscale, active: true }, select: { id: true } });
}

/**
 * A contributor signed in through SPID/CIE: known by codice fiscale, created
 * on first access (with no positions until the archives say otherwise).
 */
export async function authenticatePersonFromClaims(claims: IdentityClaims): Promise<{ id: string } | null> {
  const codiceFiscale = codiceFiscaleFromClaims(claims);
  if (!codiceFiscale) return null;
  const name = nameFromClaims(claims);
  return prisma.person.upsert({
    where: { codiceFiscale },
    create: { codiceFiscale, ...name },
    update: {},
    select: { id: true },
  });
}

/** An operator signed in through the intranet provider: must exist and be active. */
export async function authenticateOperatorFromClaims(claims: IdentityClaims): Promise<{ id: string } | null> {
  const codiceFiscale = codiceFiscaleFromClaims(claims);
  if (!codiceFiscale) return null;
  return prisma.operator.findFirst({ where: { codiceFiscale, active: true }, select: { id: true } });
}
