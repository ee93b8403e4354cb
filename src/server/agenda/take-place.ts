import type { Prisma } from "@/generated/prisma/client";

/**
 * Takes one place of a slot for an appointment, in the caller's transaction:
 * tries place 0, 1, … up to `places - 1`, each an insert that a concurrent
 * holder of the same place makes wait and then skip. The primary key
 * (officeId, startsAt, placeIndex) is the lock: never more bookings than
 * places, whatever the number of instances (decision 0027). False when full.
 */
export async function takePlace(
  tx: Prisma.TransactionClient,
  slot: { officeId: string; startsAt: Date; places: number },
  appointmentId: string,
): Promise<boolean> {
  for (let placeIndex = 0; placeIndex < slot.places; placeIndex++) {
    const inserted = await tx.$executeRaw`
      INSERT INTO "AppointmentPlace" ("officeId", "startsAt", "placeIndex", "appointmentId")
      VALUES (${slot.officeId}::uuid, ${slot.startsAt}, ${placeIndex}, ${appointmentId}::uuid)
      ON CONFLICT DO NOTHING`;
    if (inserted === 1) return true;
  }
  return false;
}
