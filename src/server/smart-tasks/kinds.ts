import type { ActingProfile, DelegationKind, SmartTaskKind, SmartTaskStatus } from "@/generated/prisma/enums";
import { contactHints, EMAIL_MAX_LENGTH, PHONE_MAX_LENGTH } from "@/server/contacts/contact-fields";

/**
 * The Smart-Task kinds as data (F14, decision 0037): what the form asks,
 * who may file it, and the checks its processor runs, in order. The
 * processor of each kind (one file per kind in this folder) reads the same
 * check codes, so the page can say beforehand what will be checked.
 */

/**
 * A form field of a kind: a choice among the filer's own delegations (of
 * `delegationKind`), a choice among fixed `options` (`placeholder` is the
 * empty choice), or a short text.
 */
export type SmartTaskField = {
  name: string;
  label: string;
  hint: string;
  required: boolean;
  maxLength: number;
} & (
  | { type: "delegation"; delegationKind: DelegationKind }
  | { type: "choice"; placeholder: string; options: readonly { value: string; label: string }[] }
  | { type: "text" }
);

export type SmartTaskCheckDefinition = { code: string; label: string };

export type SmartTaskKindDefinition = {
  label: string;
  description: string;
  /** What an accepted task has done, for the outcome's comment. */
  acceptedOutcome: string;
  /** The profiles that may file it; anyone else does not see it. */
  filers: readonly ActingProfile[];
  fields: readonly SmartTaskField[];
  checks: readonly SmartTaskCheckDefinition[];
};

export const REVOCATION_REASON_MAX = 500;

const revocationReasonField: SmartTaskField = {
  name: "reason",
  label: "Motivo della revoca (facoltativo)",
  hint: "Compare nello storico della delega.",
  type: "text",
  required: false,
  maxLength: REVOCATION_REASON_MAX,
};

/** The checks of a delegation's revocation, in order; the first names the kind of delegation. */
function revocationChecks(kindCheck: string): SmartTaskCheckDefinition[] {
  return [
    { code: "DELEGA_ESISTENTE", label: kindCheck },
    { code: "DELEGA_DEL_RICHIEDENTE", label: "La delega riguarda chi presenta la richiesta" },
    { code: "DELEGA_SULLA_POSIZIONE", label: "La delega copre la posizione della richiesta" },
    { code: "DELEGA_IN_VIGORE", label: "La delega è in vigore" },
  ];
}

/** The fields of the contacts variation kinds: the filer's own new contacts, each optional. */
const ownContactFields: readonly SmartTaskField[] = [
  { name: "email", label: "Nuova e-mail", hint: "Già verificata con il codice inviato all'indirizzo.", maxLength: EMAIL_MAX_LENGTH },
  { name: "pec", label: "Nuova PEC", hint: "Già verificata con il codice inviato all'indirizzo.", maxLength: EMAIL_MAX_LENGTH },
  { name: "mobile", label: "Nuovo cellulare", hint: "Già verificato con il codice inviato per SMS.", maxLength: PHONE_MAX_LENGTH },
  { name: "landline", label: "Nuovo telefono fisso", hint: contactHints.landline, maxLength: PHONE_MAX_LENGTH },
  { name: "fax", label: "Nuovo fax", hint: contactHints.fax, maxLength: PHONE_MAX_LENGTH },
].map((field) => ({ ...field, type: "text", required: false }));

/** The checks of the contacts variation kinds (variazione-contatti.ts). */
const ownContactChecks: readonly SmartTaskCheckDefinition[] = [
  { code: "DELEGA_IN_VIGORE", label: "Chi presenta la richiesta opera sulla posizione con una delega in vigore" },
  { code: "RECAPITI_VERIFICATI", label: "I nuovi e-mail, PEC e cellulare sono stati verificati da chi presenta la richiesta" },
];

/** The addresses CANCELLAZIONE CONTATTI ANOMALI may clear: those notices are sent to. */
export const ANOMALOUS_CONTACT_CHOICES = [
  { value: "email", label: "E-mail" },
  { value: "pec", label: "PEC" },
  { value: "mobile", label: "Cellulare" },
] as const;

export const smartTaskKinds: Record<SmartTaskKind, SmartTaskKindDefinition> = {
  REVOCA_DELEGA_INTERMEDIARIO: {
    label: "Revoca delega intermediario",
    description:
      "Revoca una delega a un intermediario in vigore: la presenta l'intermediario delegato o il titolare della posizione. La delega cessa appena la richiesta è accolta.",
    acceptedOutcome: "la delega è stata revocata; l'intermediario non può più operare sulle posizioni che copriva.",
    filers: ["INTERMEDIARIO", "TITOLARE"],
    fields: [
      {
        name: "delegationId",
        label: "Delega da revocare",
        hint: "Le deleghe a intermediari in vigore che ti riguardano, con le posizioni che coprono.",
        type: "delegation",
        delegationKind: "INTERMEDIARIO",
        required: true,
        maxLength: 36,
      },
      revocationReasonField,
    ],
    checks: revocationChecks("La delega esiste ed è una delega a un intermediario"),
  },
  REVOCA_DELEGA_DIPENDENTE: {
    label: "Revoca delega dipendente",
    description:
      "Revoca una delega a un dipendente in vigore: la presenta il dipendente delegato, per la propria delega, o l'azienda titolare della posizione. La delega cessa appena la richiesta è accolta.",
    acceptedOutcome: "la delega è stata revocata; il dipendente non può più operare sulle posizioni dell'azienda che copriva.",
    filers: ["DIPENDENTE", "TITOLARE"],
    fields: [
      {
        name: "delegationId",
        label: "Delega da revocare",
        hint: "Le deleghe a dipendenti in vigore che ti riguardano, con le posizioni che coprono.",
        type: "delegation",
        delegationKind: "DIPENDENTE",
        required: true,
        maxLength: 36,
      },
      revocationReasonField,
    ],
    checks: revocationChecks("La delega esiste ed è una delega a un dipendente"),
  },
  VARIAZIONE_CONTATTI_INTERMEDIARIO: {
    label: "Variazione contatti intermediario",
    description:
      "L'intermediario aggiorna i propri contatti per la gestione della posizione (non quelli del titolare). E-mail, PEC e cellulare nuovi vanno prima verificati con il codice inviato al recapito.",
    acceptedOutcome: "i nuovi contatti dell'intermediario sono in vigore.",
    filers: ["INTERMEDIARIO"],
    fields: ownContactFields,
    checks: ownContactChecks,
  },
  VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE: {
    label: "Variazione contatti dipendente aziendale",
    description:
      "Il dipendente delegato da un'azienda aggiorna i propri contatti per la gestione della posizione (non quelli dell'azienda). E-mail, PEC e cellulare nuovi vanno prima verificati con il codice inviato al recapito.",
    acceptedOutcome: "i nuovi contatti del dipendente sono in vigore.",
    filers: ["DIPENDENTE"],
    fields: ownContactFields,
    checks: ownContactChecks,
  },
  CANCELLAZIONE_CONTATTI_ANOMALI: {
    label: "Cancellazione contatti anomali",
    description:
      "Cancella dai tuoi Contatti per la gestione della posizione l'e-mail, la PEC o il cellulare a cui le notifiche non arrivano più (l'ultima non è stata consegnata in modo definitivo e nessuna successiva è arrivata), così il portale smette di usarli, anche per gli avvisi delle tue richieste ancora aperte. Riguarda solo i tuoi contatti, mai quelli del titolare se operi per suo conto. Dopo la cancellazione indica un nuovo recapito in Contatti.",
    acceptedOutcome:
      "i contatti anomali sono stati cancellati e non saranno più usati, nemmeno per gli avvisi delle tue richieste ancora aperte. Indica un nuovo recapito in Contatti.",
    filers: ["TITOLARE", "INTERMEDIARIO", "DIPENDENTE"],
    fields: [
      {
        name: "contact",
        label: "Contatto da cancellare",
        hint: "Scegli un recapito, oppure lascia «Tutti i contatti anomali»: il portale cancella quelli a cui le notifiche non arrivano.",
        type: "choice",
        placeholder: "Tutti i contatti anomali",
        options: ANOMALOUS_CONTACT_CHOICES,
        required: false,
        maxLength: 6,
      },
    ],
    checks: [
      { code: "CONTATTO_PRESENTE", label: "Il contatto da cancellare è presente nei tuoi Contatti per la gestione della posizione" },
      {
        code: "CONTATTO_ANOMALO",
        label:
          "Il contatto risulta anomalo: l'ultima notifica inviata non è stata consegnata in modo definitivo e nessuna successiva è arrivata (una PEC obbligatoria per la gestione è cancellata comunque: ne va indicata una nuova in Contatti)",
      },
    ],
  },
};

export const smartTaskStatusLabels: Record<SmartTaskStatus, string> = {
  INVIATA: "Inviata",
  IN_CARICO: "In carico: controlli in corso",
  ACCOLTA: "Accolta",
  NON_ACCOLTA: "Non accolta",
};

/** The subjects a Smart-Task is filed under, per gestione: one area, one subject per kind (created on first use). */
export const SMART_TASK_AREA = { code: "SMART_TASK", label: "Smart-Task" } as const;

/** One check that ran: passed, or failed with its reason in Italian. */
export type SmartTaskCheck = { code: string; label: string; passed: boolean; reason: string | null };

/** The checks stored on a task (a JSON column), read back for the pages. */
export function storedChecks(value: unknown): SmartTaskCheck[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is SmartTaskCheck =>
      typeof item === "object" &&
      item !== null &&
      typeof item.code === "string" &&
      typeof item.label === "string" &&
      typeof item.passed === "boolean" &&
      (item.reason === null || typeof item.reason === "string"),
  );
}
