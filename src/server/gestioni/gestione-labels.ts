import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";

/** Display names of the gestioni, as administrators keep them. */
export async function getGestioneLabels(): Promise<Map<Gestione, string>> {
  const settings = await prisma.gestioneSettings.findMany({ select: { gestione: true, label: true } });
  return new Map(settings.map((setting) => [setting.gestione, setting.label]));
}
