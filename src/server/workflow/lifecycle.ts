import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { QuesitoState } from "@/generated/prisma/enums";
import { ValidationError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { Actor, OperatorActor } from "@/server/identity/actor";
import { enqueueNotifications } from "./enqueue-notifications";
import { requestAccessWhere } from "@/server/access/request-access";
import {
  eventActor,
  planTransition,
  transitionQuesitoSelect,
  writeTransition,
  type ReassignTarget,
  type TransitionActorRef,
  type TransitionCommand,
  type QuesitoSnapshot,
  type TransitionResult,
} from "./transitions";

export {
  allowedActions,
  planTransition,
  STALE_VERSION_MESSAGE,
  transitionRules,
  workingStates,
  type QuesitoSnapshot,
  type TransitionAction,
  type TransitionActorRef,
  type TransitionCommand,
  type TransitionResult,
  type WorkingState,
} from "./transitions";

/**
 * THE lifecycle of a request and its back-office quesito. Every change of a
 * quesito passes through `applyTransition` (and a new request through
 * `openingEvents`), in the caller's transaction: state, optimistic version,
 * history event, last-activity date and the event's notifications (the
 * outbox, src/server/notifications) move together or not at all.
 */

// ───────────────────────────── applying it ─────────────────────────────

export type TransitionInput = TransitionCommand & {
  actor: Actor;
  /** The quesito by its id (office side) or by its request's id (contributor side). */
  quesito: { id: string } | { requestId: string };
  /**
   * The version the actor saw (a hidden field of the form). Omitted, the
   * quesito's row is locked and its current version used: for contributors,
   * whose messages do not race against the office's work.
   */
  expectedVersion?: number;
  at?: Date;
};

function actorRef(actor: Actor): TransitionActorRef {
  return actor.kind === "operator" ? { kind: "operator", operatorId: actor.operatorId } : { kind: "contributor", personId: actor.personId };
}

async function checkReassignTarget(tx: Prisma.TransactionClient, quesito: QuesitoSnapshot, to: ReassignTarget) {
  if ("operatorId" in to) {
    const operator = await tx.operator.findFirst({
      where: { id: to.operatorId, officeId: quesito.officeId, active: true },
      select: { id: true },
    });
    if (!operator) throw new ValidationError({ operatorId: ["Scegliere un operatore attivo della sede."] });
    return;
  }
  const office = await tx.office.findUnique({ where: { id: to.officeId }, select: { id: true } });
  if (!office) throw new ValidationError({ officeId: ["Scegliere una sede esistente."] });
}

/**
 * Applies one transition in the caller's transaction. The quesito must be
 * reachable by the actor (requestAccessWhere): otherwise NotFoundError.
 */
export async function applyTransition(tx: Prisma.TransactionClient, input: TransitionInput): Promise<TransitionResult> {
  const at = input.at ?? new Date();
  const target = "id" in input.quesito ? { id: input.quesito.id } : { requestId: input.quesito.requestId };
  const where = { ...target, request: requestAccessWhere(input.actor, at) };
  const notFound = () =>
    "id" in input.quesito
      ? notFoundFor(input.actor, "quesito", input.quesito.id)
      : notFoundFor(input.actor, "request", input.quesito.requestId);

  if (input.expectedVersion === undefined) {
    const visible = await tx.quesito.findFirst({ where, select: { id: true } });
    if (!visible) throw await notFound();
    await tx.$queryRaw`SELECT 1 FROM "Quesito" WHERE "id" = ${visible.id}::uuid FOR UPDATE`;
  }
  const quesito = await tx.quesito.findFirst({
    where,
    select: transitionQuesitoSelect,
  });
  if (!quesito) throw await notFound();

  const plan = planTransition(quesito, input, actorRef(input.actor), at);
  if (input.action === "RIASSEGNATA") await checkReassignTarget(tx, quesito, input.to);

  return writeTransition(
    tx,
    {
      quesito,
      action: input.action,
      actor: actorRef(input.actor),
      plan,
      expectedVersion: input.expectedVersion ?? quesito.version,
      at,
    },
    enqueueNotifications,
  );
}

/**
 * The first two events of a new request, written by create-request in its
 * transaction after the request and its quesito (state NUOVO): registration
 * with its protocol number, then routing to the competent office.
 */
export async function openingEvents(
  tx: Prisma.TransactionClient,
  requestId: string,
  actor: Actor,
  office: { id: string; code: string; name: string },
  at: Date = new Date(),
): Promise<{ protocolEventId: string; routingEventId: string }> {
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { protocolNumber: true } });
  const protocolEvent = await tx.requestEvent.create({
    data: {
      requestId,
      type: "PROTOCOLLATA",
      ...eventActor(actorRef(actor)),
      toState: "NUOVO",
      data: { protocolNumber: request.protocolNumber },
      createdAt: at,
    },
    select: { id: true },
  });
  const routingEvent = await tx.requestEvent.create({
    data: {
      requestId,
      type: "SMISTATA",
      toState: "NUOVO",
      data: { officeId: office.id, officeCode: office.code, officeName: office.name },
      createdAt: at,
    },
    select: { id: true },
  });
  await enqueueNotifications(tx, protocolEvent.id);
  await enqueueNotifications(tx, routingEvent.id);
  return { protocolEventId: protocolEvent.id, routingEventId: routingEvent.id };
}

/**
 * The history of a communication the office starts (F22, decision 0021): one
 * event, by the operator, carrying the outgoing protocol number (so that
 * `assignProtocolNumber` can put the real one in place) and the state the
 * quesito opens in, with the contributor's notices.
 */
export async function communicationEvents(
  tx: Prisma.TransactionClient,
  requestId: string,
  operator: OperatorActor,
  opening: { toState: QuesitoState; answerBy: string | null },
  at: Date,
): Promise<{ eventId: string }> {
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { protocolNumber: true } });
  const event = await tx.requestEvent.create({
    data: {
      requestId,
      type: "COMUNICAZIONE_INVIATA",
      actorOperatorId: operator.operatorId,
      toState: opening.toState,
      data: { protocolNumber: request.protocolNumber, protocol: "USCITA", answerBy: opening.answerBy },
      createdAt: at,
    },
    select: { id: true },
  });
  await enqueueNotifications(tx, event.id);
  return { eventId: event.id };
}
