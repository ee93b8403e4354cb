import "server-only";
import { randomInt } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { MIN_PROGRESSIVE_DIGITS, protocolNumberPrefix, romeCalendarDate } from "./format-protocol-number";

/**
 * Protocol numbers are gap-free per office (AOO) and year: the office's
 * counter row, once incremented, stays locked until the transaction ends, so
 * that a rolled-back request gives its number back. Every submission to an
 * office queues on that row; to keep the queue short the number is taken
 * LAST (docs/decisions/0011). The transaction first writes its rows with a
 * provisional number (`provisionalProtocolNumber`) wherever the number
 * appears — the request, its events, its rendered notices — and then
 * `assignProtocolNumber`, in one statement, increments the counter and puts
 * the real number in place of the provisional one. The row is locked for
 * that statement and the commit only.
 */

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A stand-in for the number a request will get: the same prefix and, in
 * place of the progressive, as many random letters as its digits (so that
 * texts rendered with it, such as an SMS that must fit 160 characters, keep
 * their length). Letters never occur in a real progressive. Two transactions
 * drawing the same stand-in (about one chance in 8·10⁹) do not fail: the
 * second waits on the unique index until the first has replaced its own.
 */
export function provisionalProtocolNumber(office: { code: string }, at: Date): string {
  const letters = Array.from({ length: MIN_PROGRESSIVE_DIGITS }, () => LETTERS[randomInt(LETTERS.length)]).join("");
  return protocolNumberPrefix(office.code, at) + letters;
}

/**
 * Takes the office's next number for the year of `at` (calendar of Rome)
 * and writes it over `provisional` in the request that carries it, in the
 * `protocolNumber` of its events' data and in its notices' subject and
 * texts. Must be the last statement of the caller's transaction (see above).
 * Returns the number, formatted as formatProtocolNumber does.
 */
export async function assignProtocolNumber(
  tx: Prisma.TransactionClient,
  office: { id: string; code: string },
  at: Date,
  provisional: string,
): Promise<string> {
  const { year } = romeCalendarDate(at);
  const prefix = protocolNumberPrefix(office.code, at);
  const rows = await tx.$queryRaw<{ number: string }[]>`
    WITH counter AS (
      INSERT INTO "ProtocolCounter" ("officeId", "year", "lastValue")
      VALUES (${office.id}::uuid, ${year}, 1)
      ON CONFLICT ("officeId", "year") DO UPDATE SET "lastValue" = "ProtocolCounter"."lastValue" + 1
      RETURNING "lastValue"
    ), assigned AS (
      SELECT ${prefix} || lpad("lastValue"::text, greatest(${MIN_PROGRESSIVE_DIGITS}, length("lastValue"::text)), '0') AS "number"
      FROM counter
    ), request AS (
      UPDATE "Request" SET "protocolNumber" = assigned."number"
      FROM assigned WHERE "Request"."protocolNumber" = ${provisional}
      RETURNING "Request"."id"
    ), events AS (
      UPDATE "RequestEvent" SET "data" = jsonb_set("RequestEvent"."data", '{protocolNumber}', to_jsonb(assigned."number"))
      FROM assigned
      WHERE "RequestEvent"."requestId" IN (SELECT "id" FROM request)
        AND "RequestEvent"."data" ->> 'protocolNumber' = ${provisional}
    ), notices AS (
      UPDATE "Notification" SET
        "subject" = replace("Notification"."subject", ${provisional}, assigned."number"),
        "body" = replace("Notification"."body", ${provisional}, assigned."number"),
        "htmlBody" = replace("Notification"."htmlBody", ${provisional}, assigned."number")
      FROM assigned WHERE "Notification"."requestId" IN (SELECT "id" FROM request)
    )
    SELECT "number" FROM assigned`;
  const number = rows[0]?.number;
  if (number === undefined) throw new Error("Il contatore di protocollo non ha restituito un valore.");
  return number;
}
