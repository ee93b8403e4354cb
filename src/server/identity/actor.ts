import type { ActingProfile, OperatorRole } from "@/generated/prisma/enums";

/**
 * Who is acting, re-read from the database on every request: the session
 * carries only an identity, so a revoked operator or delegation takes effect
 * at once.
 */
export type ContributorActor = {
  kind: "contributor";
  personId: string;
  codiceFiscale: string;
  displayName: string;
  profile: ActingProfile;
  availableProfiles: ActingProfile[];
};

export type OperatorActor = {
  kind: "operator";
  operatorId: string;
  codiceFiscale: string;
  displayName: string;
  role: OperatorRole;
  office: { id: string; code: string; name: string };
};

export type Actor = ContributorActor | OperatorActor;

export const profileLabels: Record<ActingProfile, string> = {
  TITOLARE: "Titolare delle proprie posizioni",
  INTERMEDIARIO: "Intermediario per i clienti deleganti",
  DIPENDENTE: "Dipendente delegato dall'azienda",
};

export const roleLabels: Record<OperatorRole, string> = {
  OPERATORE: "Operatore",
  RESPONSABILE: "Responsabile",
  ADMIN: "Amministratore",
};
