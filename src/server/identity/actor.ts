import type { ActingProfile, OperatorRole } from "@/generated/prisma/enums";
import type { RequestOrigin } from "./request-origin";

/**
 * Who is acting, re-read from the database on every request: the session
 * carries only an identity, so a revoked operator or delegation takes effect
 * at once.
 */
type ActingFrom = {
  /**
   * Where this request came from, set where the session is resolved; absent
   * outside a request (jobs, scripts). Only for the security log: access
   * never depends on it.
   */
  origin?: RequestOrigin;
};

export type ContributorActor = ActingFrom & {
  kind: "contributor";
  personId: string;
  codiceFiscale: string;
  displayName: string;
  profile: ActingProfile;
  availableProfiles: ActingProfile[];
};

export type OperatorActor = ActingFrom & {
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
