import "server-only";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { isUniqueViolation } from "@/server/db/create-once";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { COMPETENCE_CHANGED } from "./create-office";
import { OFFICE_NOT_FOUND } from "./get-office";
import { addCompetence, competenceErrors, OFFICES_PAGE, wantedProvinces } from "./office-competence";
import { STALE_OFFICE, updateOfficeSchema } from "./office-schemas";
import { officeView, officeViewSelect } from "./office-view";
import { assertAdmin } from "./policy";

/**
 * An office's name, place and address, and provinces it starts serving, on
 * the version the administrator saw (a concurrent change is told, not
 * overwritten); a province dropped or served by another office is refused
 * (decision 0044). The change and its audit entry commit together.
 */
export async function updateOffice(actor: OperatorActor, input: Record<string, unknown>): Promise<void> {
  assertAdmin(actor);
  const data = parseInput(updateOfficeSchema, input);
  const labels = await getGestioneLabels();
  const wanted = wantedProvinces(data);
  try {
    await prisma.$transaction(async (tx) => {
      const row = await tx.office.findUnique({ where: { id: data.officeId }, select: officeViewSelect });
      if (!row) throw new NotFoundError(OFFICE_NOT_FOUND);
      const office = officeView(row);
      if (office.version !== data.expectedVersion) throw new ConflictError(STALE_OFFICE);
      const errors = await competenceErrors(tx, office.id, office.provinces, wanted, labels);
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);

      const fields = { name: data.name, region: data.region, city: data.city, address: data.address };
      const updated = await tx.office.updateMany({
        where: { id: office.id, version: data.expectedVersion },
        data: { ...fields, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError(STALE_OFFICE);
      await addCompetence(tx, office.id, office.provinces, wanted);
      const before = { name: office.name, region: office.region, city: office.city, address: office.address, provinces: office.provinces };
      await recordAdminChange(
        actor,
        {
          action: "AMMINISTRAZIONE_MODIFICA",
          targetType: "SEDE",
          targetId: office.id,
          before,
          after: { ...fields, provinces: wanted },
          page: OFFICES_PAGE,
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(COMPETENCE_CHANGED);
    throw error;
  }
}
