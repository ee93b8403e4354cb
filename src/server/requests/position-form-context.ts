import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import type { ContactValues } from "@/server/contacts/contact-rules";
import { currentContacts } from "@/server/contacts/current-contacts";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import type { ContactRules } from "./schemas";

export type ContactPrefill = { email: string; pec: string; mobile: string; landline: string; fax: string };

export const NO_CONTACTS: ContactPrefill = { email: "", pec: "", mobile: "", landline: "", fax: "" };

function prefillOf(values: ContactValues | undefined): ContactPrefill {
  return {
    email: values?.email ?? "",
    pec: values?.pec ?? "",
    mobile: values?.mobile ?? "",
    landline: values?.landline ?? "",
    fax: values?.fax ?? "",
  };
}

/**
 * What a form of the request path needs for a chosen position: its
 * gestione's contact rules and file limits (with the settings' version they
 * are, which the form carries to "Invia", decision 0044), and the actor's Contatti for that
 * gestione (F11) to prefill it.
 */
export async function positionFormContext(
  actor: ContributorActor,
  position: { gestione: Gestione },
): Promise<{ rules: ContactRules; limits: UploadLimits; settingsVersion: number; contacts: ContactPrefill }> {
  const [current, settings] = await Promise.all([
    currentContacts(prisma, actor.personId, [position.gestione]),
    prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: position.gestione } }),
  ]);
  const { label, pecRequired, emailOrPhoneRequired, maxFiles, maxBytesPerFile } = settings;
  return {
    rules: { label, pecRequired, emailOrPhoneRequired },
    limits: { maxFiles, maxBytesPerFile },
    settingsVersion: settings.version,
    contacts: prefillOf(current.get(position.gestione)?.values),
  };
}
