import "server-only";
import { cache } from "react";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";

/**
 * Display names of the gestioni, as administrators keep them. Read once per
 * request (React's `cache`: several services of one page need them), never
 * kept longer, so that every instance shows a change at once.
 */
export const getGestioneLabels = cache(async (): Promise<Map<Gestione, string>> => {
  const settings = await prisma.gestioneSettings.findMany({ select: { gestione: true, label: true } });
  return new Map(settings.map((setting) => [setting.gestione, setting.label]));
});
