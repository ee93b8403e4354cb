import "server-only";
import { v7 as timeOrderedUuid } from "uuid";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { accessEntrySchema, type AccessAction, type AccessTarget } from "./schemas";

/** What an opening of a record says before the database knows the outcome: the contributor and the grant come apart. */
type AccessOpening = { action: AccessAction; targetType: AccessTarget; targetId: string; page: string };

const openingSchema = accessEntrySchema.pick({ action: true, targetType: true, targetId: true, page: true });
const outcomeSchema = accessEntrySchema.pick({ codiceFiscale: true, granted: true });

/**
 * The INSERT of one access-log entry: who (the operator, role and office as
 * they are now), what, from which page, and — from `outcome`, a query of one
 * row with "codiceFiscale" (text, null when unknown) and "granted" — the
 * contributor and whether it was granted. The database chains it (sequence,
 * time, hashes) under the chain head's lock; the columns it sets are left
 * out. A read that logs its own opening puts it in a WITH of its statement
 * (decision 0054). An entry that does not fit the log's columns is a
 * programming error, thrown. Its id is a UUID of version 7, as the schema's
 * default: the log's pages are ordered by time (to the millisecond, set under
 * the chain's lock) and then by id, so entries written by this process in
 * one millisecond are listed in the order they were written (decision 0056).
 */
export function accessEntryInsert(actor: OperatorActor, opening: AccessOpening, outcome: Prisma.Sql): Prisma.Sql {
  const checked = openingSchema.parse(opening);
  return Prisma.sql`INSERT INTO "AuditEntry" (
    "id", "actorOperatorId", "actorCodiceFiscale", "actorRole", "actorOfficeId",
    "action", "targetType", "targetId", "codiceFiscale", "page", "granted"
  ) SELECT
    ${timeOrderedUuid()}::uuid, ${actor.operatorId}::uuid, ${actor.codiceFiscale}, ${actor.role}::"OperatorRole", ${actor.office.id}::uuid,
    ${checked.action}::"AuditAction", ${checked.targetType}::"AuditTargetType", ${checked.targetId},
    outcome."codiceFiscale", ${checked.page}, outcome."granted"
  FROM (${outcome}) AS outcome`;
}

/**
 * Appends an operator's opening of a record to the access log, its outcome
 * known. Given `db`, the entry joins that transaction and holds the chain
 * head's lock until it ends; alone it is one INSERT.
 */
export async function recordAccess(
  actor: OperatorActor,
  entry: AccessOpening & { codiceFiscale?: string; granted: boolean },
  db?: Prisma.TransactionClient,
): Promise<void> {
  // The opening's fields are checked by accessEntryInsert, the outcome's here.
  const { codiceFiscale, granted } = outcomeSchema.parse(entry);
  // Every opening of a record pays this INSERT, so it is sent as it is: Prisma's `create` spent half as much CPU
  // again building and reading back the same statement (0.6 against 0.4 ms a call, decision 0053).
  const outcome = Prisma.sql`SELECT ${codiceFiscale ?? null}::text AS "codiceFiscale", ${granted}::boolean AS "granted"`;
  await (db ?? prisma).$executeRaw(accessEntryInsert(actor, entry, outcome));
}
