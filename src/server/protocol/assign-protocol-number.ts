import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { formatProtocolNumber, romeCalendarDate } from "./format-protocol-number";

/**
 * The next protocol number of an office (AOO) for the year of `at` (calendar
 * of Rome). Must run inside the caller's transaction: the counter row stays
 * locked until it ends, so concurrent requests of one office serialise on it,
 * and a rolled-back request gives its number back — the sequence has no gaps.
 */
export async function assignProtocolNumber(
  tx: Prisma.TransactionClient,
  office: { id: string; code: string },
  at: Date,
): Promise<string> {
  const { year } = romeCalendarDate(at);
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ProtocolCounter" ("officeId", "year", "lastValue")
    VALUES (${office.id}::uuid, ${year}, 1)
    ON CONFLICT ("officeId", "year") DO UPDATE SET "lastValue" = "ProtocolCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  const progressive = rows[0]?.lastValue;
  if (progressive === undefined) throw new Error("Il contatore di protocollo non ha restituito un valore.");
  return formatProtocolNumber(office.code, at, progressive);
}
