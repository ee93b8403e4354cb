import type { Prisma } from "@/generated/prisma/client";
import { Gestione } from "@/generated/prisma/enums";

/** An office as the administration shows it: its fields, its version and the provinces it serves per gestione. */
export type OfficeView = {
  id: string;
  code: string;
  name: string;
  region: string;
  city: string;
  address: string;
  version: number;
  provinces: Record<Gestione, string[]>;
};

export const officeViewSelect = {
  id: true,
  code: true,
  name: true,
  region: true,
  city: true,
  address: true,
  version: true,
  competence: { select: { gestione: true, province: true }, orderBy: { province: "asc" } },
} satisfies Prisma.OfficeSelect;

type OfficeRow = Prisma.OfficeGetPayload<{ select: typeof officeViewSelect }>;

/** The provinces of each gestione, every gestione present (empty when the office serves none there). */
export function provincesByGestione(competence: { gestione: Gestione; province: string }[]): Record<Gestione, string[]> {
  const byGestione = Object.fromEntries(Object.values(Gestione).map((gestione) => [gestione, [] as string[]])) as Record<
    Gestione,
    string[]
  >;
  for (const { gestione, province } of competence) byGestione[gestione].push(province);
  return byGestione;
}

export function officeView({ competence, ...office }: OfficeRow): OfficeView {
  return { ...office, provinces: provincesByGestione(competence) };
}
