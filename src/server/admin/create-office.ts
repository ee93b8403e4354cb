import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { isUniqueViolation } from "@/server/db/create-once";
import { prisma } from "@/server/db/client";
import { ConflictError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { addCompetence, competenceErrors, OFFICES_PAGE, wantedProvinces } from "./office-competence";
import { provincesByGestione } from "./office-view";
import { createOfficeSchema } from "./office-schemas";
import { assertAdmin } from "./policy";

export const COMPETENCE_CHANGED = "La competenza è stata appena modificata da un altro amministratore: ricaricare la pagina.";

/**
 * A new office (AOO code, name, address) with the provinces it serves per
 * gestione — only provinces no office serves yet (decision 0044) — and its
 * entry in the audit log, in one transaction.
 */
export async function createOffice(actor: OperatorActor, input: Record<string, unknown>): Promise<{ id: string }> {
  assertAdmin(actor);
  const data = parseInput(createOfficeSchema, input);
  const labels = await getGestioneLabels();
  const wanted = wantedProvinces(data);
  try {
    return await prisma.$transaction(async (tx) => {
      const errors = await competenceErrors(tx, null, provincesByGestione([]), wanted, labels);
      if (await tx.office.findUnique({ where: { code: data.code }, select: { id: true } })) {
        errors.code = [`Esiste già una sede con il codice AOO ${data.code}.`];
      }
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const fields = { code: data.code, name: data.name, region: data.region, city: data.city, address: data.address };
      const office = await tx.office.create({ data: fields, select: { id: true } });
      await addCompetence(tx, office.id, provincesByGestione([]), wanted);
      await recordAdminChange(
        actor,
        {
          action: "AMMINISTRAZIONE_CREAZIONE",
          targetType: "SEDE",
          targetId: office.id,
          before: null,
          after: { ...fields, provinces: wanted },
          page: OFFICES_PAGE,
        },
        tx,
      );
      return office;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(COMPETENCE_CHANGED);
    throw error;
  }
}
