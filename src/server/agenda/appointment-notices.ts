import type { Prisma } from "@/generated/prisma/client";
import { NotificationChannel } from "@/generated/prisma/enums";
import { formatRomeDateTime, formatRomeLongDay, formatRomeTime, romeIsoDay } from "@/lib/rome-dates";
import type { AppConfig } from "@/server/config";
import { addToOutbox, type OutboxMessage } from "@/server/notifications/outbox";
import { requestLinks } from "@/server/notifications/public-links";
import { emailContent } from "@/server/notifications/templates/email-layout";
import { smsText } from "@/server/notifications/templates/sms-text";
import type { TemplateParams } from "@/server/notifications/templates";
import { requestStateOf, contributorStateLabels } from "@/server/workflow/states";
import { appointmentCalendar } from "./appointment-calendar";
import { channelLabels } from "./labels";

/** What an appointment notice is about. */
export type AppointmentNotice = "PRENOTATO" | "SPOSTATO" | "ANNULLATO_CONTRIBUENTE" | "ANNULLATO_SEDE" | "PROMEMORIA";

export const appointmentNoticeSelect = {
  id: true,
  channel: true,
  startsAt: true,
  endsAt: true,
  rescheduleCount: true,
  cancelReason: true,
  noticeEmail: true,
  noticeMobile: true,
  phone: true,
  office: { select: { name: true, agenda: { select: { address: true, videoLink: true, cancelCutoffHours: true } } } },
  request: {
    select: {
      id: true,
      protocolNumber: true,
      subject: { select: { label: true, parent: { select: { label: true } } } },
      position: { select: { gestione: true } },
      quesito: { select: { state: true } },
    },
  },
} satisfies Prisma.AppointmentSelect;

export type AppointmentForNotice = Prisma.AppointmentGetPayload<{ select: typeof appointmentNoticeSelect }>;

const TEMPLATE_VERSION = 1;

function where(appointment: AppointmentForNotice): string {
  const agenda = appointment.office.agenda;
  if (appointment.channel === "IN_PRESENZA") return `presso la sede${agenda?.address ? `, ${agenda.address}` : ""}`;
  if (appointment.channel === "TELEFONICO") return `per telefono: la sede ti chiamerà al numero ${appointment.phone ?? "indicato"}`;
  return `in videochiamata${agenda?.videoLink ? `, al collegamento ${agenda.videoLink}` : ""}`;
}

function words(notice: AppointmentNotice, appointment: AppointmentForNotice) {
  const day = formatRomeLongDay(romeIsoDay(appointment.startsAt));
  const time = formatRomeTime(appointment.startsAt);
  const protocol = appointment.request.protocolNumber;
  const office = appointment.office.name;
  const when = `${day} alle ${time}`;
  const cutoff = new Date(appointment.startsAt.getTime() - (appointment.office.agenda?.cancelCutoffHours ?? 0) * 3_600_000);
  const standing = [
    `Modalità: ${channelLabels[appointment.channel].toLowerCase()}, ${where(appointment)}.`,
    `Puoi annullarlo o spostarlo dal Cassetto previdenziale, nella sezione Agenda, fino al ${formatRomeDateTime(cutoff)}. In allegato l'appuntamento per il tuo calendario.`,
  ];
  switch (notice) {
    case "PRENOTATO":
      return {
        subject: `Appuntamento confermato: ${when}`,
        heading: "L'appuntamento è confermato",
        paragraphs: [`hai prenotato un appuntamento con la sede ${office} per ${when}, sulla richiesta n. ${protocol}.`, ...standing],
        sms: `appuntamento del ${formatRomeDateTime(appointment.startsAt)} confermato (richiesta ${protocol}).`,
      };
    case "SPOSTATO":
      return {
        subject: `Appuntamento spostato: ${when}`,
        heading: "L'appuntamento è stato spostato",
        paragraphs: [`l'appuntamento con la sede ${office} sulla richiesta n. ${protocol} è ora ${day} alle ${time}.`, ...standing],
        sms: `appuntamento spostato al ${formatRomeDateTime(appointment.startsAt)} (richiesta ${protocol}).`,
      };
    case "ANNULLATO_CONTRIBUENTE":
      return {
        subject: `Appuntamento annullato: ${when}`,
        heading: "L'appuntamento è stato annullato",
        paragraphs: [
          `l'appuntamento con la sede ${office} del ${when}, sulla richiesta n. ${protocol}, è stato annullato.`,
          `Motivo indicato: ${appointment.cancelReason ?? ""}`,
        ],
        sms: `appuntamento del ${formatRomeDateTime(appointment.startsAt)} annullato (richiesta ${protocol}).`,
      };
    case "ANNULLATO_SEDE":
      return {
        subject: `La sede ha annullato l'appuntamento del ${day}`,
        heading: "La sede ha annullato l'appuntamento",
        paragraphs: [
          `la sede ${office} ha annullato l'appuntamento del ${when}, sulla richiesta n. ${protocol}.`,
          `Motivo: ${appointment.cancelReason ?? ""}`,
          "Puoi prenotarne un altro dal Cassetto previdenziale, dalla pagina della richiesta.",
        ],
        sms: `la sede ha annullato l'appuntamento del ${formatRomeDateTime(appointment.startsAt)} (richiesta ${protocol}).`,
      };
    case "PROMEMORIA":
      return {
        subject: `Promemoria: appuntamento ${when}`,
        heading: "Promemoria del tuo appuntamento",
        paragraphs: [`ti ricordiamo l'appuntamento con la sede ${office} di ${when}, sulla richiesta n. ${protocol}.`, ...standing],
        sms: `promemoria: appuntamento il ${formatRomeDateTime(appointment.startsAt)} (richiesta ${protocol}).`,
      };
  }
}

/**
 * Writes the notices of an appointment's change to the outbox, in the
 * change's transaction: an e-mail with the .ics to the booker's e-mail and an
 * SMS to their mobile, as their Contatti were at booking, on the channels
 * their gestione allows. Returns the notifications' ids.
 */
export async function enqueueAppointmentNotices(
  tx: Prisma.TransactionClient,
  appointmentId: string,
  notice: AppointmentNotice,
  eventId: string | null,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
): Promise<string[]> {
  const appointment = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: appointmentNoticeSelect });
  const { request } = appointment;
  const settings = await tx.gestioneSettings.findUnique({
    where: { gestione: request.position.gestione },
    select: { notificationChannels: true },
  });
  const allowed = settings?.notificationChannels ?? Object.values(NotificationChannel);
  const links = requestLinks(config.PUBLIC_URL, request.id);
  const text = words(notice, appointment);
  const params: TemplateParams = {
    protocolNumber: request.protocolNumber,
    subjectLabel: request.subject.parent ? `${request.subject.parent.label} – ${request.subject.label}` : request.subject.label,
    officeName: appointment.office.name,
    stateLabel: contributorStateLabels[requestStateOf(request.quesito)],
    esitoLabel: null,
    awaitingContributor: false,
    integrationDueDate: null,
    eventDate: formatRomeDateTime(appointment.startsAt),
    ...links,
  };
  const base = {
    requestId: request.id,
    eventId,
    template: `appuntamento-${notice.toLowerCase().replaceAll("_", "-")}`,
    templateVersion: TEMPLATE_VERSION,
  };
  const messages: OutboxMessage[] = [];
  if (appointment.noticeEmail && allowed.includes("EMAIL")) {
    const email = emailContent(text, params);
    const cancelled = notice === "ANNULLATO_CONTRIBUENTE" || notice === "ANNULLATO_SEDE";
    const icsAttachment = appointmentCalendar({
      id: appointment.id,
      channel: appointment.channel,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      sequence: appointment.rescheduleCount + (cancelled ? 1 : 0),
      officeName: appointment.office.name,
      protocolNumber: request.protocolNumber,
      address: appointment.office.agenda?.address ?? null,
      videoLink: appointment.office.agenda?.videoLink ?? null,
      requestUrl: links.requestUrl,
      cancelled,
    });
    messages.push({
      ...base,
      channel: "EMAIL",
      recipient: appointment.noticeEmail,
      subject: email.subject,
      body: email.text,
      htmlBody: email.html,
      icsAttachment,
    });
  }
  if (appointment.noticeMobile && allowed.includes("SMS")) {
    messages.push({
      ...base,
      channel: "SMS",
      recipient: appointment.noticeMobile,
      subject: null,
      body: smsText(text.sms, links),
      htmlBody: null,
    });
  }
  return addToOutbox(tx, messages, config);
}
