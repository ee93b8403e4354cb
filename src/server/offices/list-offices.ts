import "server-only";
import { prisma } from "@/server/db/client";
import { readReference } from "@/server/db/reference-cache";

export type OfficeChoice = { id: string; code: string; name: string };

/** Every office, by name (reassignment, filters): from the app server's reference cache (decision 0050). */
export function listOffices(): Promise<OfficeChoice[]> {
  return readReference("offices", () => prisma.office.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } }));
}
