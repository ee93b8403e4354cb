import "server-only";
import type { ContactChangeStatus, ContactField, Gestione, PreferredChannel } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { CONTACT_CODE_ATTEMPTS_MAX, type ContactValues } from "./contact-rules";
import { currentContacts } from "./current-contacts";

/** History rows shown per gestione, newest first. */
export const CONTACT_HISTORY_LIMIT = 50;

export type ContactHistoryRow = {
  id: string;
  field: ContactField;
  oldValue: string | null;
  newValue: string | null;
  /** A code left to expire reads as expired, without writing on a read. */
  status: ContactChangeStatus;
  changedBy: string;
  createdAt: Date;
  resolvedAt: Date | null;
};

export type PendingContactChange = { id: string; field: ContactField; newValue: string; expiresAt: Date; attemptsLeft: number };

export type ContactsSection = {
  gestione: Gestione;
  gestioneLabel: string;
  values: ContactValues;
  preferredChannel: PreferredChannel | null;
  holderNoticesOff: boolean;
  /** Still the archives' data: the person has changed nothing yet. */
  fromArchive: boolean;
  pecRequired: boolean;
  pending: PendingContactChange[];
  history: ContactHistoryRow[];
};

export type ContactsPage = {
  /** Only a holder changes contacts here; delegates read their own. */
  editable: boolean;
  sections: ContactsSection[];
};

/** The actor's own Contatti, one section per gestione they act in now. */
export async function getContacts(actor: ContributorActor, now = new Date()): Promise<ContactsPage> {
  const positions = await listActorPositions(actor, now);
  const labels = new Map(positions.map((position) => [position.gestione, position.gestioneLabel]));
  const gestioni = [...labels.keys()];
  const [contacts, settings, changes] = await Promise.all([
    currentContacts(prisma, actor.personId, gestioni),
    prisma.gestioneSettings.findMany({ where: { gestione: { in: gestioni } }, select: { gestione: true, pecRequired: true } }),
    Promise.all(
      gestioni.map((gestione) =>
        prisma.contactChange.findMany({
          where: { profile: { personId: actor.personId, gestione } },
          orderBy: { createdAt: "desc" },
          take: CONTACT_HISTORY_LIMIT,
          include: { changedBy: { select: { givenName: true, familyName: true } } },
        }),
      ),
    ),
  ]);
  const sections = gestioni.map((gestione, index): ContactsSection => {
    const current = contacts.get(gestione);
    const rows = changes[index] ?? [];
    const expired = (row: (typeof rows)[number]) => row.status === "PENDING" && (!row.codeExpiresAt || row.codeExpiresAt <= now);
    return {
      gestione,
      gestioneLabel: labels.get(gestione) ?? gestione,
      values: current?.values ?? { email: null, pec: null, mobile: null, landline: null, fax: null },
      preferredChannel: current?.preferredChannel ?? null,
      holderNoticesOff: current?.holderNoticesOff ?? false,
      fromArchive: !current?.profileId,
      pecRequired: settings.find((entry) => entry.gestione === gestione)?.pecRequired ?? false,
      pending: rows
        .filter((row) => row.status === "PENDING" && !expired(row) && row.newValue && row.codeExpiresAt)
        .map((row) => ({
          id: row.id,
          field: row.field,
          newValue: row.newValue ?? "",
          expiresAt: row.codeExpiresAt ?? now,
          attemptsLeft: CONTACT_CODE_ATTEMPTS_MAX - row.codeAttempts,
        })),
      history: rows.map((row) => ({
        id: row.id,
        field: row.field,
        oldValue: row.oldValue,
        newValue: row.newValue,
        status: expired(row) ? "EXPIRED" : row.status,
        changedBy: `${row.changedBy.givenName} ${row.changedBy.familyName}`,
        createdAt: row.createdAt,
        resolvedAt: row.resolvedAt,
      })),
    };
  });
  return { editable: actor.profile === "TITOLARE", sections };
}
