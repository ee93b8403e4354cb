import type { Prisma } from "@/generated/prisma/client";
import { Gestione } from "@/generated/prisma/enums";
import type { FieldErrors } from "@/server/errors/domain-errors";
import { provincesField } from "./office-schemas";

/** The pages of this area, named in the audit log. */
export const OFFICES_PAGE = "/admin/sedi";
export const SETTINGS_PAGE = "/admin/impostazioni";

type Provinces = Record<Gestione, string[]>;

/**
 * What an office's provinces may become (decision 0044): in every gestione
 * each province has exactly one competent office, so a form may add a
 * province nobody serves yet, never drop one (it would be left without an
 * office: its competence is moved instead) nor take one another office
 * serves (it would have two). Field messages per gestione; reads the other
 * offices' competence in the change's transaction.
 */
export async function competenceErrors(
  tx: Prisma.TransactionClient,
  officeId: string | null,
  current: Provinces,
  wanted: Provinces,
  gestioneLabels: Map<Gestione, string>,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const gestione of Object.values(Gestione)) {
    const label = gestioneLabels.get(gestione) ?? gestione;
    const messages: string[] = [];
    const dropped = current[gestione].filter((province) => !wanted[gestione].includes(province));
    if (dropped.length > 0) {
      messages.push(
        `${dropped.join(", ")} ${dropped.length === 1 ? "resterebbe" : "resterebbero"} senza sede competente per la gestione ${label}: spostarne la competenza a un'altra sede con «Sposta la competenza».`,
      );
    }
    const added = wanted[gestione].filter((province) => !current[gestione].includes(province));
    const taken = await tx.officeCompetence.findMany({
      where: { gestione, province: { in: added }, ...(officeId ? { officeId: { not: officeId } } : {}) },
      select: { province: true, office: { select: { code: true, name: true } } },
      orderBy: { province: "asc" },
    });
    for (const { province, office } of taken) {
      messages.push(
        `${province} è già di competenza della sede ${office.name} (${office.code}) per la gestione ${label}: una provincia ha una sola sede competente, spostarla con «Sposta la competenza».`,
      );
    }
    if (messages.length > 0) errors[provincesField(gestione)] = messages;
  }
  return errors;
}

/**
 * Gives the office the provinces `competenceErrors` let it add, and routes
 * their positions of that gestione to it (routing reads the position's office).
 */
export async function addCompetence(tx: Prisma.TransactionClient, officeId: string, current: Provinces, wanted: Provinces) {
  for (const gestione of Object.values(Gestione)) {
    const added = wanted[gestione].filter((province) => !current[gestione].includes(province));
    if (added.length === 0) continue;
    await tx.officeCompetence.createMany({ data: added.map((province) => ({ gestione, province, officeId })) });
    await tx.position.updateMany({ where: { gestione, province: { in: added } }, data: { officeId } });
  }
}

/** The provinces per gestione of a parsed office form. */
export function wantedProvinces(data: Record<ReturnType<typeof provincesField>, string[]>): Provinces {
  return Object.fromEntries(Object.values(Gestione).map((gestione) => [gestione, data[provincesField(gestione)]])) as Provinces;
}
