import "server-only";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { officeView, officeViewSelect, type OfficeView } from "./office-view";
import { assertAdmin } from "./policy";

export const OFFICE_NOT_FOUND = "La sede richiesta non esiste.";

/** One office for its form: its fields, version and provinces per gestione. */
export async function getOffice(actor: OperatorActor, officeId: string): Promise<OfficeView> {
  assertAdmin(actor);
  if (!isUuid(officeId)) throw new NotFoundError(OFFICE_NOT_FOUND);
  const office = await prisma.office.findUnique({ where: { id: officeId }, select: officeViewSelect });
  if (!office) throw new NotFoundError(OFFICE_NOT_FOUND);
  return officeView(office);
}
