import "server-only";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { officeView, officeViewSelect, type OfficeView } from "./office-view";
import { assertAdmin } from "./policy";

/**
 * Every office with the provinces it serves per gestione, by AOO code. Tens
 * of offices and about a hundred provinces per gestione: one plain read.
 */
export async function listOffices(actor: OperatorActor): Promise<OfficeView[]> {
  assertAdmin(actor);
  const offices = await prisma.office.findMany({ select: officeViewSelect, orderBy: { code: "asc" } });
  return offices.map(officeView);
}
