import "server-only";
import type { GestioneSettings } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";

export type GestioneSettingsView = GestioneSettings;

/** The settings of every gestione, with the version each form carries. */
export async function listGestioneSettings(actor: OperatorActor): Promise<GestioneSettingsView[]> {
  assertAdmin(actor);
  return prisma.gestioneSettings.findMany({ orderBy: { gestione: "asc" } });
}
