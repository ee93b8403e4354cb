import "server-only";
import { cache } from "react";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { readReference } from "@/server/db/reference-cache";

/** What pages show of a gestione's settings: its name and the upload limits of its forms. */
export type GestioneDisplaySettings = { label: string; maxFiles: number; maxBytesPerFile: number };

/**
 * Every gestione's name and upload limits, as administrators keep them: from
 * the app server's reference cache, which a change on any instance empties
 * (decision 0050); once per request besides (React's `cache`). Forms that
 * enforce a limit read it in their own statement.
 */
export const getGestioneDisplaySettings = cache((): Promise<Map<Gestione, GestioneDisplaySettings>> =>
  readReference("gestione-display-settings", async () => {
    const settings = await prisma.gestioneSettings.findMany({
      select: { gestione: true, label: true, maxFiles: true, maxBytesPerFile: true },
    });
    return new Map(settings.map(({ gestione, ...shown }) => [gestione, shown]));
  }),
);

/** Display names of the gestioni. */
export const getGestioneLabels = cache(async (): Promise<Map<Gestione, string>> => {
  const settings = await getGestioneDisplaySettings();
  return new Map([...settings].map(([gestione, shown]) => [gestione, shown.label]));
});

/** One gestione's name and upload limits (every gestione has its row: seeded with the reference data). */
export async function getGestioneDisplaySetting(gestione: Gestione): Promise<GestioneDisplaySettings> {
  const setting = (await getGestioneDisplaySettings()).get(gestione);
  if (!setting) throw new Error(`Impostazioni della gestione ${gestione} mancanti.`);
  return setting;
}
