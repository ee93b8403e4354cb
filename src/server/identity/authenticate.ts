import "server-only";
import { codiceFiscaleSchema } from "@/lib/codice-fiscale";
import { prisma } from "@/server/db/client";
import { getConfig } from "@/server/config";
import { NotFoundError } from "@/server/errors/domain-errors";
import { nameFromClaims, readFiscalNumber, type FiscalNumberProblem, type IdentityClaims } from "./identity-claims";

/** Why a sign-in is refused; each has its Italian message on the sign-in page. */
export type SignInRefusal = FiscalNumberProblem | "unknown-identity" | "operator-not-enabled";

export type Authentication =
  | { status: "ok"; id: string; codiceFiscale: string }
  /** The codice fiscale only when it is a valid one (never arbitrary text in the security log). */
  | { status: "refused"; refusal: SignInRefusal; codiceFiscale?: string };

function requireDemo(): void {
  if (!getConfig().isDemo) throw new NotFoundError();
}

function outcome(subject: { id: string; codiceFiscale: string } | null, codiceFiscale: string, refusal: SignInRefusal): Authentication {
  return subject ? { status: "ok", ...subject } : { status: "refused", refusal, codiceFiscale };
}

/** Demo sign-in of a listed person; impossible in production. */
export async function authenticateDemoPerson(typed: string): Promise<Authentication> {
  requireDemo();
  const parsed = codiceFiscaleSchema.safeParse(typed);
  if (!parsed.success) return { status: "refused", refusal: "unknown-identity" };
  const person = await prisma.person.findUnique({ where: { codiceFiscale: parsed.data }, select: { id: true, codiceFiscale: true } });
  return outcome(person, parsed.data, "unknown-identity");
}

/** Demo sign-in of an active operator; impossible in production. */
export async function authenticateDemoOperator(typed: string): Promise<Authentication> {
  requireDemo();
  const parsed = codiceFiscaleSchema.safeParse(typed);
  if (!parsed.success) return { status: "refused", refusal: "operator-not-enabled" };
  return outcome(await findActiveOperator(parsed.data), parsed.data, "operator-not-enabled");
}

/**
 * A contributor signed in through SPID/CIE: known by codice fiscale, created
 * on first access (with no positions until the archives say otherwise).
 */
export async function authenticatePersonFromClaims(claims: IdentityClaims): Promise<Authentication> {
  const fiscalNumber = readFiscalNumber(claims);
  if (!fiscalNumber.ok) return { status: "refused", refusal: fiscalNumber.problem };
  const { codiceFiscale } = fiscalNumber;
  const person = await prisma.person.upsert({
    where: { codiceFiscale },
    create: { codiceFiscale, ...nameFromClaims(claims) },
    update: {},
    select: { id: true, codiceFiscale: true },
  });
  return { status: "ok", ...person };
}

/** An operator signed in through the intranet provider: must exist and be active. */
export async function authenticateOperatorFromClaims(claims: IdentityClaims): Promise<Authentication> {
  const fiscalNumber = readFiscalNumber(claims);
  if (!fiscalNumber.ok) return { status: "refused", refusal: fiscalNumber.problem };
  return outcome(await findActiveOperator(fiscalNumber.codiceFiscale), fiscalNumber.codiceFiscale, "operator-not-enabled");
}

function findActiveOperator(codiceFiscale: string) {
  return prisma.operator.findFirst({ where: { codiceFiscale, active: true }, select: { id: true, codiceFiscale: true } });
}
