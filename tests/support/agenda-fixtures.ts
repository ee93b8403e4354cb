import type { AppointmentChannel } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";

/** An office's agenda open Monday to Friday, 09:00–12:00 Rome time, on every channel, with these rules. */
export async function openAgenda(
  officeId: string,
  rules: Partial<{
    places: number;
    slotMinutes: number;
    minLeadWorkingDays: number;
    maxDaysAhead: number;
    cancelCutoffHours: number;
    maxReschedules: number;
  }> = {},
  channels: AppointmentChannel[] = ["IN_PRESENZA", "TELEFONICO", "VIDEOCHIAMATA"],
) {
  await prisma.agendaSettings.create({
    data: { officeId, places: 3, address: "Via Roma 1, Torino", videoLink: "https://video.example.it/sede", ...rules },
  });
  await prisma.agendaWindow.createMany({
    data: channels.flatMap((channel) =>
      [1, 2, 3, 4, 5].map((weekday) => ({ officeId, channel, weekday, startMinute: 540, endMinute: 720 })),
    ),
  });
}
