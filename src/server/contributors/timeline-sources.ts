import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ContactChangeStatus, DelegationKind, Gestione } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { contributorRequestsWhere, officeRequestsOfContributorWhere, officeVisibleMessagesWhere } from "@/server/access/contributor-access";
import { appointmentStatusLabels, channelLabels as appointmentChannelLabels } from "@/server/agenda/labels";
import { contactFieldLabels, preferredChannelLabels } from "@/server/contacts/contact-rules";
import { prisma } from "@/server/db/client";
import { beyondKeyset, type KeysetCursor } from "@/server/db/keyset";
import { VERIFICATION_ATTEMPTS_MAX } from "@/server/delegations/delegation-rules";
import type { OperatorActor } from "@/server/identity/actor";
import { deliveryOf, deliverySelect, type NotificationDelivery } from "@/server/notifications/notification-delivery";
import { smartTaskStatusLabels, storedChecks, type SmartTaskCheck } from "@/server/smart-tasks/kinds";
import { esitoLabels, quesitoStateLabels, requestDirectionLabels } from "@/server/workflow/states";
import type { TimelineKind } from "./schemas";

/** What every source reads by: whose file, which slice of it, from where. */
export type TimelineContext = {
  operator: OperatorActor;
  personId: string;
  /** The positions the person holds now. */
  positionIds: string[];
  /** The position filter, when chosen. */
  position: { id: string; gestione: Gestione } | null;
  period: { from?: Date; to?: Date };
  /** The last item of the page before, newest first. */
  after: KeysetCursor | null;
  take: number;
  gestioneLabels: Map<Gestione, string>;
};

type Item<Kind extends TimelineKind, Fields> = { kind: Kind; key: string; id: string; at: Date } & Fields;

export type RequestItem = Item<
  "richieste",
  {
    protocolNumber: string;
    directionLabel: string;
    subject: string;
    position: { gestioneLabel: string; matricola: string };
    office: { name: string; code: string } | null;
    stateLabel: string | null;
    esitoLabel: string | null;
    /** Set only where the office may open the quesito (its own). */
    quesitoId: string | null;
    /** A Smart-Task (decision 0037): its status and the checks that ran. */
    smartTask: { statusLabel: string; checks: SmartTaskCheck[] } | null;
  }
>;

export type MessageItem = Item<
  "messaggi",
  {
    protocolNumber: string;
    quesitoId: string | null;
    internal: boolean;
    authorName: string;
    fromOffice: boolean;
    body: string;
    attachmentCount: number;
  }
>;

export type AppointmentItem = Item<
  "appuntamenti",
  {
    channelLabel: string;
    statusLabel: string;
    office: { name: string; code: string };
    protocolNumber: string;
    quesitoId: string | null;
    bookedBy: string;
  }
>;

export type ContactItem = Item<
  "contatti",
  { fieldLabel: string; oldValue: string | null; newValue: string | null; statusLabel: string; gestioneLabel: string; changedBy: string }
>;

export type DelegationEvent = "CONFERITA" | "RICHIESTA" | "ACCETTATA" | "RIFIUTATA" | "REVOCATA";

export type DelegationItem = Item<
  "deleghe",
  {
    event: DelegationEvent;
    eventLabel: string;
    /** Who did it; null when the portal did (too many wrong codes). */
    by: string | null;
    holder: string;
    delegate: string;
    kindLabel: string;
    matricole: string[];
    reason: string | null;
  }
>;

export type NotificationItem = Item<
  "notifiche",
  { delivery: NotificationDelivery; subject: string | null; protocolNumber: string; quesitoId: string | null }
>;

export type TimelineItem = RequestItem | MessageItem | AppointmentItem | ContactItem | DelegationItem | NotificationItem;

/** One kind of the timeline: its items newest first, from the cursor on, at most `take`. */
export type TimelineSource = { kind: TimelineKind; read(context: TimelineContext): Promise<TimelineItem[]> };

/**
 * The period and the cursor on one timestamp column, newest first: a bound
 * on the column alone, so that each read starts in its index at the cursor.
 */
function timeBounds(column: string, { period, after }: TimelineContext): Record<string, unknown>[] {
  const bounds: Record<string, unknown>[] = [];
  if (period.from || period.to)
    bounds.push({ [column]: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } });
  if (after) bounds.push(beyondKeyset(column, "desc", new Date(after.value), after.id));
  return bounds;
}

const newestFirst = (column: string) => [{ [column]: "desc" as const }, { id: "desc" as const }];

/** The person's requests (of the chosen position): summaries of every office's. */
function personRequests(context: TimelineContext): Prisma.RequestWhereInput {
  const position = context.position ? [{ positionId: context.position.id }] : [];
  return { AND: [contributorRequestsWhere(context.personId, context.positionIds), ...position] };
}

/** Of those, the office's own, read in full: their threads and notices. */
function ownRequests(context: TimelineContext): Prisma.RequestWhereInput {
  const position = context.position ? [{ positionId: context.position.id }] : [];
  return { AND: [officeRequestsOfContributorWhere(context.operator, context.personId, context.positionIds), ...position] };
}

/** The quesito's id where the office may open it: its own. */
function ownQuesitoId(context: TimelineContext, quesito: { id: string; officeId: string } | null): string | null {
  return quesito && quesito.officeId === context.operator.office.id ? quesito.id : null;
}

const requests: TimelineSource = {
  kind: "richieste",
  async read(context) {
    const rows = await prisma.request.findMany({
      where: { AND: [personRequests(context), ...(timeBounds("createdAt", context) as Prisma.RequestWhereInput[])] },
      orderBy: newestFirst("createdAt"),
      take: context.take,
      select: {
        id: true,
        createdAt: true,
        direction: true,
        protocolNumber: true,
        subject: { select: { label: true, parent: { select: { label: true } } } },
        position: { select: { gestione: true, matricola: true } },
        quesito: { select: { id: true, officeId: true, state: true, esito: true, office: { select: { name: true, code: true } } } },
        smartTask: { select: { status: true, checks: true } },
      },
    });
    return rows.map((row) => ({
      kind: "richieste",
      key: `richieste:${row.id}`,
      id: row.id,
      at: row.createdAt,
      protocolNumber: row.protocolNumber,
      directionLabel: requestDirectionLabels[row.direction],
      subject: row.subject.parent ? `${row.subject.parent.label} › ${row.subject.label}` : row.subject.label,
      position: {
        gestioneLabel: context.gestioneLabels.get(row.position.gestione) ?? row.position.gestione,
        matricola: row.position.matricola,
      },
      office: row.quesito?.office ?? null,
      stateLabel: row.quesito ? quesitoStateLabels[row.quesito.state] : null,
      esitoLabel: row.quesito?.esito ? esitoLabels[row.quesito.esito] : null,
      quesitoId: ownQuesitoId(context, row.quesito),
      smartTask: row.smartTask
        ? { statusLabel: smartTaskStatusLabels[row.smartTask.status], checks: storedChecks(row.smartTask.checks) }
        : null,
    }));
  },
};

/** The messages of the office's own quesiti about the person: another office's thread is not shown. */
const messages: TimelineSource = {
  kind: "messaggi",
  async read(context) {
    const rows = await prisma.message.findMany({
      where: {
        AND: [
          { request: ownRequests(context) },
          officeVisibleMessagesWhere(context.operator),
          ...(timeBounds("createdAt", context) as Prisma.MessageWhereInput[]),
        ],
      },
      orderBy: newestFirst("createdAt"),
      take: context.take,
      select: {
        id: true,
        createdAt: true,
        visibility: true,
        body: true,
        authorPerson: { select: { givenName: true, familyName: true } },
        authorOperator: { select: { givenName: true, familyName: true } },
        request: { select: { protocolNumber: true, quesito: { select: { id: true } } } },
        // Not `_count`: Prisma would aggregate every attachment of the table before joining the page's messages.
        attachments: { select: { id: true } },
      },
    });
    return rows.map((row) => {
      const author = row.authorOperator ?? row.authorPerson;
      return {
        kind: "messaggi",
        key: `messaggi:${row.id}`,
        id: row.id,
        at: row.createdAt,
        protocolNumber: row.request.protocolNumber,
        quesitoId: row.request.quesito?.id ?? null,
        internal: row.visibility === "INTERNO",
        authorName: author ? fullName(author) : "Autore non indicato",
        fromOffice: row.authorOperator !== null,
        body: row.body,
        attachmentCount: row.attachments.length,
      };
    });
  },
};

/** Appointments about the person's requests, at any office: when, how, where stands. */
const appointments: TimelineSource = {
  kind: "appuntamenti",
  async read(context) {
    const rows = await prisma.appointment.findMany({
      where: {
        AND: [{ request: personRequests(context) }, ...(timeBounds("startsAt", context) as Prisma.AppointmentWhereInput[])],
      },
      orderBy: newestFirst("startsAt"),
      take: context.take,
      select: {
        id: true,
        startsAt: true,
        channel: true,
        status: true,
        office: { select: { name: true, code: true } },
        bookedBy: { select: { givenName: true, familyName: true } },
        request: { select: { protocolNumber: true, quesito: { select: { id: true, officeId: true } } } },
      },
    });
    return rows.map((row) => ({
      kind: "appuntamenti",
      key: `appuntamenti:${row.id}`,
      id: row.id,
      at: row.startsAt,
      channelLabel: appointmentChannelLabels[row.channel],
      statusLabel: appointmentStatusLabels[row.status],
      office: row.office,
      protocolNumber: row.request.protocolNumber,
      quesitoId: ownQuesitoId(context, row.request.quesito),
      bookedBy: fullName(row.bookedBy),
    }));
  },
};

const contactStatusLabels: Record<ContactChangeStatus, string> = {
  PENDING: "In attesa del codice di verifica",
  APPLIED: "In vigore",
  VOIDED: "Annullata",
  EXPIRED: "Scaduta: codice non inserito in tempo",
  VERIFIED: "Verificata: in vigore quando la Smart-Task di variazione è accolta",
};

/** The person's changes of their Contatti, per gestione (that of the chosen position). */
const contacts: TimelineSource = {
  kind: "contatti",
  async read(context) {
    const rows = await prisma.contactChange.findMany({
      where: {
        AND: [
          { profile: { personId: context.personId, ...(context.position ? { gestione: context.position.gestione } : {}) } },
          ...(timeBounds("createdAt", context) as Prisma.ContactChangeWhereInput[]),
        ],
      },
      orderBy: newestFirst("createdAt"),
      take: context.take,
      select: {
        id: true,
        createdAt: true,
        field: true,
        oldValue: true,
        newValue: true,
        status: true,
        profile: { select: { gestione: true } },
        changedBy: { select: { givenName: true, familyName: true } },
      },
    });
    const shown = (field: string, value: string | null) =>
      field === "PREFERRED_CHANNEL" && value ? (preferredChannelLabels[value as keyof typeof preferredChannelLabels] ?? value) : value;
    return rows.map((row) => ({
      kind: "contatti",
      key: `contatti:${row.id}`,
      id: row.id,
      at: row.createdAt,
      fieldLabel: contactFieldLabels[row.field],
      oldValue: shown(row.field, row.oldValue),
      newValue: shown(row.field, row.newValue),
      statusLabel: contactStatusLabels[row.status],
      gestioneLabel: context.gestioneLabels.get(row.profile.gestione) ?? row.profile.gestione,
      changedBy: fullName(row.changedBy),
    }));
  },
};

const delegationKindLabels: Record<DelegationKind, string> = { INTERMEDIARIO: "intermediario", DIPENDENTE: "dipendente" };

const delegationEventLabels: Record<DelegationEvent, string> = {
  CONFERITA: "Delega conferita",
  RICHIESTA: "Delega richiesta",
  ACCETTATA: "Richiesta di delega accettata",
  RIFIUTATA: "Richiesta di delega rifiutata",
  REVOCATA: "Delega revocata",
};

const delegationSelect = {
  id: true,
  origin: true,
  kind: true,
  createdAt: true,
  acceptedAt: true,
  rejectedAt: true,
  rejectedReason: true,
  revokedAt: true,
  revokedReason: true,
  verificationAttempts: true,
  holder: { select: { givenName: true, familyName: true } },
  delegate: { select: { givenName: true, familyName: true, codiceFiscale: true } },
  scope: { select: { position: { select: { matricola: true } } }, orderBy: { positionId: "asc" } },
} as const satisfies Prisma.DelegationSelect;

type DelegationRow = Prisma.DelegationGetPayload<{ select: typeof delegationSelect }>;

/**
 * A delegation's events, each from its own timestamp: who acted is known
 * from the rules (only the holder grants, accepts, rejects and revokes; the
 * delegate requests), so no event table is needed (decision 0033).
 */
const delegationEvents: { column: "createdAt" | "acceptedAt" | "rejectedAt" | "revokedAt"; event(row: DelegationRow): DelegationEvent }[] =
  [
    { column: "createdAt", event: (row) => (row.origin === "RICHIESTA" ? "RICHIESTA" : "CONFERITA") },
    { column: "acceptedAt", event: () => "ACCETTATA" },
    { column: "rejectedAt", event: () => "RIFIUTATA" },
    { column: "revokedAt", event: () => "REVOCATA" },
  ];

function delegationActor(row: DelegationRow, event: DelegationEvent): string | null {
  if (event === "RICHIESTA") return fullName(row.delegate);
  if (event === "RIFIUTATA" && row.verificationAttempts >= VERIFICATION_ATTEMPTS_MAX) return null;
  return fullName(row.holder);
}

/**
 * Delegations the person gave or received (of the chosen position): one read
 * of ids per event's timestamp, the newest `take` events of all four kept,
 * then one read of those delegations with their people and scope (each read
 * with relations costs Prisma a statement per relation).
 */
const delegations: TimelineSource = {
  kind: "deleghe",
  async read(context) {
    const perEvent = await Promise.all(
      delegationEvents.map(async ({ column, event }) => {
        const rows = await prisma.delegation.findMany({
          where: {
            AND: [
              { OR: [{ holderId: context.personId }, { delegateId: context.personId }] },
              ...(context.position ? [{ scope: { some: { positionId: context.position.id } } }] : []),
              ...(column === "createdAt" ? [] : [{ [column]: { not: null } }]),
              ...(timeBounds(column, context) as Prisma.DelegationWhereInput[]),
            ],
          },
          orderBy: newestFirst(column),
          take: context.take,
          select: { id: true, createdAt: true, acceptedAt: true, rejectedAt: true, revokedAt: true },
        });
        return rows.flatMap((row) => {
          const at = row[column];
          return at ? [{ id: row.id, at, event }] : [];
        });
      }),
    );
    const found = perEvent
      .flat()
      .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, context.take);
    if (found.length === 0) return [];
    const rows = new Map(
      (await prisma.delegation.findMany({ where: { id: { in: found.map((item) => item.id) } }, select: delegationSelect })).map((row) => [
        row.id,
        row,
      ]),
    );
    return found.flatMap(({ id, at, event }): DelegationItem[] => {
      const row = rows.get(id);
      if (!row) return [];
      const happened = event(row);
      return [
        {
          kind: "deleghe",
          key: `deleghe:${row.id}:${happened}`,
          id: row.id,
          at,
          event: happened,
          eventLabel: delegationEventLabels[happened],
          by: delegationActor(row, happened),
          holder: fullName(row.holder),
          delegate: `${fullName(row.delegate)} (${row.delegate.codiceFiscale})`,
          kindLabel: delegationKindLabels[row.kind],
          matricole: row.scope.map((scope) => scope.position.matricola),
          reason: happened === "RIFIUTATA" ? row.rejectedReason : happened === "REVOCATA" ? row.revokedReason : null,
        },
      ];
    });
  },
};

/** The notices of the office's own quesiti about the person, and where each stands. */
const notifications: TimelineSource = {
  kind: "notifiche",
  async read(context) {
    const rows = await prisma.notification.findMany({
      where: {
        AND: [{ request: ownRequests(context) }, ...(timeBounds("createdAt", context) as Prisma.NotificationWhereInput[])],
      },
      orderBy: newestFirst("createdAt"),
      take: context.take,
      select: {
        ...deliverySelect,
        createdAt: true,
        subject: true,
        request: { select: { protocolNumber: true, quesito: { select: { id: true } } } },
      },
    });
    return rows.map((row) => ({
      kind: "notifiche",
      key: `notifiche:${row.id}`,
      id: row.id,
      at: row.createdAt,
      delivery: deliveryOf(row),
      subject: row.subject,
      protocolNumber: row.request?.protocolNumber ?? "",
      quesitoId: row.request?.quesito?.id ?? null,
    }));
  },
};

/**
 * Every source of the timeline. The smart tasks' outcomes, when they exist,
 * join as one more source here (and one more kind in schemas.ts).
 */
export const timelineSources: readonly TimelineSource[] = [requests, messages, appointments, contacts, delegations, notifications];
