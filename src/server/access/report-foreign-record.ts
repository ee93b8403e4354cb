import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isUuid } from "@/lib/form-fields";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { realmOf } from "@/server/identity/realms";
import { logger } from "@/server/logger";
import { logSecurityEvent } from "@/server/security/security-events";

/** The records an actor asks for by id and may be refused as "not found". */
export type ForeignRecordKind =
  | "request"
  | "quesito"
  | "attachment"
  | "message-bundle"
  | "form-draft"
  | "saved-filter"
  | "delegation"
  | "delegation-request"
  | "contact-change"
  | "position"
  | "appointment"
  | "agenda-window"
  | "office";

type Found = { id: string } | null;

/** A contributor's own requests (as holder or as the one who sent it): refusing one of them is not an attempt on someone else's. */
function exceptOwnRequests(actor: Actor): Prisma.RequestWhereInput {
  if (actor.kind !== "contributor") return {};
  return { NOT: { OR: [{ holderId: actor.personId }, { submittedById: actor.personId }] } };
}

/** The public messages of the contributor's own requests: what they may have seen once. */
function exceptOwnPublicMessages(actor: Actor): Prisma.MessageWhereInput {
  if (actor.kind !== "contributor") return {};
  return { NOT: { visibility: "PUBBLICO", request: { OR: [{ holderId: actor.personId }, { submittedById: actor.personId }] } } };
}

function personIdOf(actor: Actor): string | undefined {
  return actor.kind === "contributor" ? actor.personId : undefined;
}

/**
 * Whether a record of this kind exists under this id and is someone else's:
 * one lookup by primary key. The actor's own records refused for another
 * reason (an expired draft, a profile that does not reach them) are not
 * attempts on anybody's data and are left out.
 */
const foreignRecord: Record<ForeignRecordKind, (id: string, actor: Actor) => Promise<Found>> = {
  request: (id, actor) => prisma.request.findFirst({ where: { id, ...exceptOwnRequests(actor) }, select: { id: true } }),
  quesito: (id, actor) => prisma.quesito.findFirst({ where: { id, request: exceptOwnRequests(actor) }, select: { id: true } }),
  attachment: (id, actor) => prisma.attachment.findFirst({ where: { id, message: exceptOwnPublicMessages(actor) }, select: { id: true } }),
  "message-bundle": (id, actor) =>
    prisma.message.findFirst({ where: { id, bundleKey: { not: null }, ...exceptOwnPublicMessages(actor) }, select: { id: true } }),
  // A draft belongs to a person or to an operator: someone else's is any draft not owned by this actor.
  "form-draft": (id, actor) =>
    prisma.formDraft.findFirst({
      where: {
        id,
        ...(actor.kind === "contributor"
          ? { OR: [{ ownerPersonId: null }, { ownerPersonId: { not: actor.personId } }] }
          : { OR: [{ ownerOperatorId: null }, { ownerOperatorId: { not: actor.operatorId } }] }),
      },
      select: { id: true },
    }),
  "saved-filter": (id, actor) =>
    prisma.savedRequestFilter.findFirst({ where: { id, personId: { not: personIdOf(actor) } }, select: { id: true } }),
  delegation: (id, actor) => foreignDelegation(id, actor),
  "delegation-request": (id, actor) => foreignDelegation(id, actor),
  "contact-change": (id, actor) =>
    prisma.contactChange.findFirst({ where: { id, profile: { personId: { not: personIdOf(actor) } } }, select: { id: true } }),
  position: (id, actor) => prisma.position.findFirst({ where: { id, holderId: { not: personIdOf(actor) } }, select: { id: true } }),
  appointment: (id, actor) =>
    prisma.appointment.findFirst({
      where: {
        id,
        ...(actor.kind === "contributor"
          ? { request: exceptOwnRequests(actor), bookedById: { not: actor.personId } }
          : { officeId: { not: actor.office.id } }),
      },
      select: { id: true },
    }),
  // Only operators manage an agenda: for anyone else every window is someone else's.
  "agenda-window": (id, actor) =>
    prisma.agendaWindow.findFirst({
      where: { id, ...(actor.kind === "operator" ? { officeId: { not: actor.office.id } } : {}) },
      select: { id: true },
    }),
  // An office's figures (F26): any office but the operator's own.
  office: (id, actor) =>
    prisma.office.findFirst({
      where: { id, ...(actor.kind === "operator" ? { NOT: { id: actor.office.id } } : {}) },
      select: { id: true },
    }),
};

/** A delegation (granted or requested) in which the actor is neither the holder nor the delegate. */
function foreignDelegation(id: string, actor: Actor): Promise<Found> {
  const personId = personIdOf(actor);
  return prisma.delegation.findFirst({
    where: { id, holderId: { not: personId }, delegateId: { not: personId } },
    select: { id: true },
  });
}

/**
 * The answer to an actor whose lookup of a record by id matched nothing: a
 * NotFoundError, always the same whatever the reason (someone else's record
 * is never told apart). Only here, on that unhappy path, does one more
 * lookup ask whether the record exists and is someone else's; if so, the
 * attempt is a security event (`foreign-record-not-found`) with the actor's
 * codice fiscale and realm, the record's kind and id, and where the request
 * came from. A malformed id reaches no query. Decision 0018.
 */
export async function notFoundFor(actor: Actor, kind: ForeignRecordKind, id: string, message?: string): Promise<NotFoundError> {
  if (typeof id === "string" && isUuid(id)) {
    try {
      if (await foreignRecord[kind](id, actor)) {
        logSecurityEvent({
          type: "foreign-record-not-found",
          realm: realmOf(actor),
          codiceFiscale: actor.codiceFiscale,
          ip: actor.origin?.ip,
          requestId: actor.origin?.requestId,
          recordKind: kind,
          recordId: id,
        });
      }
    } catch (error) {
      // The log must never change the answer.
      logger.error({ err: error, recordKind: kind }, "Tentativo su un record altrui non verificato");
    }
  }
  return new NotFoundError(message);
}
