import "server-only";
import type { GestioneSettings } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

/** How long after a change a form opened before it keeps the limits it showed (decision 0044). */
export const FORM_LIMITS_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The gestione's settings with the limits and contact rules the form showed:
 * the form carries the settings' version it was opened on, and a change made
 * since applies only to forms opened after it. A version replaced more than
 * FORM_LIMITS_KEPT_MS ago, unknown or absent gives the current values (so a
 * forged version reaches no limit older than that).
 */
export async function settingsShownOnForm(
  settings: GestioneSettings,
  formVersion: number | undefined,
  now: Date,
): Promise<GestioneSettings> {
  if (formVersion === undefined || formVersion === settings.version) return settings;
  const shown = await prisma.gestioneSettingsHistory.findFirst({
    where: { gestione: settings.gestione, version: formVersion, supersededAt: { gt: new Date(now.getTime() - FORM_LIMITS_KEPT_MS) } },
    select: { maxFiles: true, maxBytesPerFile: true, pecRequired: true, emailOrPhoneRequired: true },
  });
  return shown ? { ...settings, ...shown } : settings;
}

/** The settings' version a form names (the `limiti` parameter of its address); anything else is none. */
export function formSettingsVersion(value: unknown): number | undefined {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
