import type { Prisma } from "@/generated/prisma/client";
import type { AppointmentChannel, AppointmentStatus } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";

/** An appointment as both sides list it. */
export const appointmentViewSelect = {
  id: true,
  channel: true,
  startsAt: true,
  endsAt: true,
  status: true,
  reason: true,
  phone: true,
  cancelReason: true,
  rescheduleCount: true,
  actingProfile: true,
  bookedBy: { select: { givenName: true, familyName: true } },
  office: { select: { name: true, agenda: { select: { address: true, videoLink: true, cancelCutoffHours: true, maxReschedules: true } } } },
  request: {
    select: {
      id: true,
      protocolNumber: true,
      holder: { select: { givenName: true, familyName: true } },
      position: { select: { denominazione: true, matricola: true } },
      quesito: { select: { id: true } },
    },
  },
} satisfies Prisma.AppointmentSelect;

type Row = Prisma.AppointmentGetPayload<{ select: typeof appointmentViewSelect }>;

export type AppointmentView = {
  id: string;
  channel: AppointmentChannel;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  reason: string;
  phone: string | null;
  cancelReason: string | null;
  rescheduleCount: number;
  officeName: string;
  /** Where it is held: the office's address or the video link, by channel. */
  place: string | null;
  bookedBy: string;
  holder: string;
  position: string;
  request: { id: string; protocolNumber: string; quesitoId: string | null };
};

export function appointmentView(row: Row): AppointmentView {
  const agenda = row.office.agenda;
  return {
    id: row.id,
    channel: row.channel,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    reason: row.reason,
    phone: row.phone,
    cancelReason: row.cancelReason,
    rescheduleCount: row.rescheduleCount,
    officeName: row.office.name,
    place: row.channel === "IN_PRESENZA" ? (agenda?.address ?? null) : row.channel === "VIDEOCHIAMATA" ? (agenda?.videoLink ?? null) : null,
    bookedBy: fullName(row.bookedBy),
    holder: fullName(row.request.holder),
    position: `${row.request.position.denominazione} (${row.request.position.matricola})`,
    request: { id: row.request.id, protocolNumber: row.request.protocolNumber, quesitoId: row.request.quesito?.id ?? null },
  };
}
