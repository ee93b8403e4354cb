import type { Prisma } from "@/generated/prisma/client";
import { NotificationChannel } from "@/generated/prisma/enums";
import { formatRomeDateTime, formatRomeLongDay } from "@/lib/rome-dates";
import { dueDay } from "@/lib/working-days";
import type { AppConfig } from "@/server/config";
import { addToOutbox, type OutboxMessage } from "@/server/notifications/outbox";
import { requestLinks } from "@/server/notifications/public-links";
import { selectRecipients, type Recipient } from "@/server/notifications/recipients";
import { notificationTemplates, type TemplateParams } from "@/server/notifications/templates";
import { contributorStateLabels, contributorStateOf, esitoLabels } from "./states";

const eventSelect = {
  id: true,
  type: true,
  toState: true,
  data: true,
  createdAt: true,
  request: {
    select: {
      id: true,
      protocolNumber: true,
      contactEmail: true,
      contactPec: true,
      contactMobile: true,
      extraEmail: true,
      holderId: true,
      submittedById: true,
      consentEmail: true,
      consentPec: true,
      consentSms: true,
      subject: { select: { label: true, parent: { select: { label: true } } } },
      position: { select: { gestione: true } },
    },
  },
} satisfies Prisma.RequestEventSelect;

export type EventForNotice = Prisma.RequestEventGetPayload<{ select: typeof eventSelect }>;

/** Who else hears of an event beyond the request's own contacts (the holder, when a delegate sent it). */
export type ExtraRecipients = (
  tx: Prisma.TransactionClient,
  event: EventForNotice,
  allowedChannels: readonly NotificationChannel[],
) => Promise<Recipient[]>;

function dataField(data: Prisma.JsonValue, name: string): string | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const value = data[name];
  return typeof value === "string" ? value : null;
}

/** Routing names the office it routed to; later events happen where the quesito is now. */
async function officeNameOf(tx: Prisma.TransactionClient, event: EventForNotice): Promise<string> {
  const routedTo = dataField(event.data, "officeName");
  if (routedTo) return routedTo;
  const quesito = await tx.quesito.findUnique({
    where: { requestId: event.request.id },
    select: { office: { select: { name: true } } },
  });
  return quesito?.office.name ?? "";
}

function templateParams(event: EventForNotice, officeName: string, publicUrl: string): TemplateParams {
  const { request } = event;
  const toState = event.toState ?? "NUOVO";
  const esito = dataField(event.data, "esito");
  const integrationDueAt = dataField(event.data, "integrationDueAt");
  const subject = request.subject.parent ? `${request.subject.parent.label} – ${request.subject.label}` : request.subject.label;
  return {
    protocolNumber: request.protocolNumber,
    subjectLabel: subject,
    officeName,
    stateLabel: contributorStateLabels[contributorStateOf(toState)],
    esitoLabel: esito && esito in esitoLabels ? esitoLabels[esito as keyof typeof esitoLabels] : null,
    awaitingContributor: event.type === "STATO_MODIFICATO" && toState === "IN_ATTESA_CONTRIBUENTE",
    eventDate: formatRomeDateTime(event.createdAt),
    integrationDueDate: integrationDueAt ? formatRomeLongDay(dueDay(new Date(integrationDueAt))) : null,
    ...requestLinks(publicUrl, request.id),
  };
}

/**
 * Enqueues the notifications of one event of a request's lifecycle, in the
 * transaction that wrote the event (src/server/workflow/lifecycle.ts, and the
 * service-level sweeps of the worker, which is why the configuration comes
 * as a parameter): one Notification per recipient and channel
 * (`selectRecipients`, then `extraRecipients`), rendered with the event's
 * template, and its delivery job. An event without a template notifies no
 * one. Returns the notifications' ids.
 */
export async function enqueueEventNotices(
  tx: Prisma.TransactionClient,
  eventId: string,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
  extraRecipients?: ExtraRecipients,
): Promise<string[]> {
  const event = await tx.requestEvent.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect });
  const template = notificationTemplates[event.type];
  if (!template) return [];

  const { request } = event;
  const settings = await tx.gestioneSettings.findUnique({
    where: { gestione: request.position.gestione },
    select: { notificationChannels: true },
  });
  // A gestione without settings has the column's default: every channel.
  const allowedChannels = settings?.notificationChannels ?? Object.values(NotificationChannel);
  const recipients = selectRecipients(request, allowedChannels);
  for (const holder of extraRecipients ? await extraRecipients(tx, event, allowedChannels) : []) {
    const known = recipients.some(
      ({ channel, address }) => channel === holder.channel && address.toLowerCase() === holder.address.toLowerCase(),
    );
    if (!known) recipients.push(holder);
  }
  if (recipients.length === 0) return [];

  const params = templateParams(event, await officeNameOf(tx, event), config.PUBLIC_URL);
  const messages = recipients.map((recipient): OutboxMessage => {
    const base = {
      requestId: request.id,
      eventId: event.id,
      channel: recipient.channel,
      recipient: recipient.address,
      template: template.name,
      templateVersion: template.version,
    };
    if (recipient.channel === "SMS") return { ...base, subject: null, body: template.sms(params), htmlBody: null };
    const email = template.email(params);
    return { ...base, subject: email.subject, body: email.text, htmlBody: email.html };
  });
  return addToOutbox(tx, messages, config);
}
