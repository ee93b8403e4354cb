import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Esito, QuesitoState, RequestEventType } from "@/generated/prisma/enums";
import { ConflictError, ForbiddenError, ValidationError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { Actor, OperatorActor } from "@/server/identity/actor";
import { enqueueNotifications } from "./enqueue-notifications";
import { requestAccessWhere } from "@/server/access/request-access";
import { INTEGRATION_REMINDER_WORKING_DAYS, quesitoStateLabels } from "./states";
import { addWorkingDays, extendDue } from "@/lib/working-days";
import { romeDayEnd, romeIsoDay } from "@/lib/rome-dates";

/**
 * THE lifecycle of a request and its back-office quesito. Every change of a
 * quesito passes through `applyTransition` (and a new request through
 * `openingEvents`), in the caller's transaction: state, optimistic version,
 * history event, last-activity date and the event's notifications (the
 * outbox, src/server/notifications) move together or not at all.
 */

// ───────────────────────────── the transition table ─────────────────────────────

/** What happens to an open quesito; its opening (PROTOCOLLATA, SMISTATA, COMUNICAZIONE_INVIATA) is written by `openingEvents` and `communicationEvents`. */
export type TransitionAction = Exclude<
  RequestEventType,
  "PROTOCOLLATA" | "SMISTATA" | "COMUNICAZIONE_INVIATA" | AppointmentEventType | ServiceLevelSweepEventType
>;

/** Appointments about a request (src/server/agenda) are in its history but leave its quesito as it is. */
type AppointmentEventType = Extract<RequestEventType, `APPUNTAMENTO_${string}`>;

/** Written by the service-level sweeps (src/server/service-levels): reminders and escalations, the state untouched. */
type ServiceLevelSweepEventType = "PROMEMORIA_INTEGRAZIONE" | "SCADENZA_VICINA" | "SCADENZA_RAGGIUNTA";

/** The states an operator works in, and may move between with a comment (a tuple, so that forms' schemas can enumerate it). */
export const workingStates = ["IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"] as const satisfies readonly QuesitoState[];
export type WorkingState = (typeof workingStates)[number];
const openStates: readonly QuesitoState[] = ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"];

type TransitionRule = {
  /** Operators act on the quesiti of their office; contributors on the requests they may act on. */
  by: Actor["kind"];
  from: readonly QuesitoState[];
  /** Completes "La richiesta è chiusa: non è possibile …". */
  refusedWhenClosed: string;
  /** Why the action is refused in an open state outside `from`. */
  refusedInState: string;
};

export const transitionRules: Record<TransitionAction, TransitionRule> = {
  PRESA_IN_CARICO: {
    by: "operator",
    from: ["NUOVO"],
    refusedWhenClosed: "prenderla in carico.",
    refusedInState: "Il quesito è già stato preso in carico: ricaricare la pagina.",
  },
  RIASSEGNATA: {
    by: "operator",
    from: openStates,
    refusedWhenClosed: "riassegnarla.",
    refusedInState: "Il quesito non può essere riassegnato in questo stato.",
  },
  RISPOSTA: {
    by: "operator",
    from: workingStates,
    refusedWhenClosed: "inviare altre risposte.",
    refusedInState: "Prendere in carico il quesito prima di rispondere.",
  },
  NOTA_INTERNA: {
    by: "operator",
    from: openStates,
    refusedWhenClosed: "aggiungere note interne.",
    refusedInState: "Il quesito non accetta note interne in questo stato.",
  },
  STATO_MODIFICATO: {
    by: "operator",
    from: workingStates,
    refusedWhenClosed: "cambiarne lo stato.",
    refusedInState: "Prendere in carico il quesito prima di cambiarne lo stato.",
  },
  CHIUSA: {
    by: "operator",
    from: workingStates,
    refusedWhenClosed: "chiuderla di nuovo.",
    refusedInState: "Prendere in carico il quesito prima di chiuderlo.",
  },
  RICHIESTA_INTEGRAZIONE: {
    by: "operator",
    from: workingStates,
    refusedWhenClosed: "chiedere integrazioni.",
    refusedInState: "Prendere in carico il quesito prima di chiedere un'integrazione.",
  },
  MESSAGGIO_CONTRIBUENTE: {
    by: "contributor",
    from: openStates,
    refusedWhenClosed: "inviare altri messaggi.",
    refusedInState: "La richiesta non accetta messaggi in questo stato.",
  },
};

/** The actions an actor of this kind may take on a quesito in this state (to offer only those). */
export function allowedActions(state: QuesitoState, by: Actor["kind"]): TransitionAction[] {
  return (Object.keys(transitionRules) as TransitionAction[]).filter((action) => {
    const rule = transitionRules[action];
    return rule.by === by && rule.from.includes(state);
  });
}

export type ReassignTarget = { operatorId: string } | { officeId: string };

/** What the actor asks for; the variant decides the event written. */
export type TransitionCommand =
  | { action: "PRESA_IN_CARICO" }
  | { action: "RIASSEGNATA"; to: ReassignTarget; comment: string }
  | { action: "RISPOSTA"; messageId: string; nextState?: WorkingState }
  | { action: "NOTA_INTERNA"; messageId: string }
  | { action: "STATO_MODIFICATO"; toState: WorkingState; comment: string }
  | { action: "CHIUSA"; esito: Esito; comment: string }
  /** The contributor has `workingDays` working days from today (Rome) to answer. */
  | { action: "RICHIESTA_INTEGRAZIONE"; comment: string; workingDays: number }
  | { action: "MESSAGGIO_CONTRIBUENTE"; messageId: string };

export type QuesitoSnapshot = {
  state: QuesitoState;
  officeId: string;
  assigneeId: string | null;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
};

export type TransitionActorRef = { kind: "operator"; operatorId: string } | { kind: "contributor"; personId: string };

export type TransitionPlan = {
  toState: QuesitoState;
  changes: Prisma.QuesitoUncheckedUpdateManyInput;
  comment: string | null;
  data: Prisma.InputJsonObject;
};

function requiredComment(comment: string): string {
  const trimmed = comment.trim();
  if (!trimmed) throw new ValidationError({ comment: ["Inserire un commento."] });
  return trimmed;
}

/**
 * The office's clock (B4, decision 0034) stops when a quesito starts waiting
 * for the contributor, whatever the action, and resumes when the wait ends:
 * the due date moves later by the working days it stood still, and the
 * escalations of the old due date may fire again for the new one.
 */
function withServiceClock(quesito: QuesitoSnapshot, plan: TransitionPlan, at: Date): TransitionPlan {
  const waiting = "IN_ATTESA_CONTRIBUENTE";
  if (plan.toState === waiting && quesito.state !== waiting) {
    return { ...plan, changes: { ...plan.changes, clockStoppedAt: at } };
  }
  if (quesito.state !== waiting || plan.toState === waiting) return plan;
  const resumed = { clockStoppedAt: null, integrationDueAt: null, integrationRemindedAt: null };
  if (!quesito.dueAt || !quesito.clockStoppedAt) return { ...plan, changes: { ...plan.changes, ...resumed } };
  const { dueAt, pausedWorkingDays } = extendDue(quesito.dueAt, quesito.clockStoppedAt, at);
  return {
    ...plan,
    changes: {
      ...plan.changes,
      ...resumed,
      dueAt,
      ...(pausedWorkingDays > 0 ? { dueWarningSentAt: null, dueDateNoticeSentAt: null } : {}),
    },
    data: { ...plan.data, clockResumed: { pausedWorkingDays, dueAt: dueAt.toISOString() } },
  };
}

/**
 * The pure part of a transition: whether `actor` may take `command` on a
 * quesito in this snapshot, and what changes, the office's clock included.
 * Throws ForbiddenError (wrong kind of actor), ConflictError (closed or
 * wrong state) or ValidationError.
 */
export function planTransition(quesito: QuesitoSnapshot, command: TransitionCommand, actor: TransitionActorRef, at: Date): TransitionPlan {
  return withServiceClock(quesito, planAction(quesito, command, actor, at), at);
}

function planAction(quesito: QuesitoSnapshot, command: TransitionCommand, actor: TransitionActorRef, at: Date): TransitionPlan {
  const rule = transitionRules[command.action];
  if (rule.by !== actor.kind) throw new ForbiddenError();
  if (quesito.state === "CHIUSO") {
    throw new ConflictError(`La richiesta è chiusa: non è possibile ${rule.refusedWhenClosed}`);
  }
  if (!rule.from.includes(quesito.state)) throw new ConflictError(rule.refusedInState);

  switch (command.action) {
    case "PRESA_IN_CARICO": {
      if (actor.kind !== "operator") throw new ForbiddenError();
      return {
        toState: "IN_LAVORAZIONE",
        changes: { state: "IN_LAVORAZIONE", assigneeId: actor.operatorId, takenAt: at },
        comment: null,
        data: { assigneeId: actor.operatorId },
      };
    }
    case "RIASSEGNATA": {
      const comment = requiredComment(command.comment);
      if ("operatorId" in command.to) {
        if (command.to.operatorId === quesito.assigneeId && quesito.state === "NUOVO") {
          throw new ValidationError({ operatorId: ["Il quesito è già assegnato a questo operatore."] });
        }
        return {
          toState: "NUOVO",
          changes: { state: "NUOVO", assigneeId: command.to.operatorId, takenAt: null },
          comment,
          data: { fromAssigneeId: quesito.assigneeId, toAssigneeId: command.to.operatorId },
        };
      }
      if (command.to.officeId === quesito.officeId) {
        throw new ValidationError({ officeId: ["Il quesito è già assegnato a questa sede."] });
      }
      return {
        toState: "NUOVO",
        changes: { state: "NUOVO", officeId: command.to.officeId, assigneeId: null, takenAt: null },
        comment,
        data: { fromOfficeId: quesito.officeId, toOfficeId: command.to.officeId, fromAssigneeId: quesito.assigneeId },
      };
    }
    case "RISPOSTA": {
      const toState = command.nextState ?? quesito.state;
      return { toState, changes: { state: toState }, comment: null, data: { messageId: command.messageId } };
    }
    case "NOTA_INTERNA":
      return { toState: quesito.state, changes: {}, comment: null, data: { messageId: command.messageId } };
    case "STATO_MODIFICATO": {
      const comment = requiredComment(command.comment);
      if (command.toState === quesito.state) {
        throw new ValidationError({ toState: [`Il quesito è già nello stato «${quesitoStateLabels[quesito.state]}».`] });
      }
      return { toState: command.toState, changes: { state: command.toState }, comment, data: {} };
    }
    case "CHIUSA": {
      const comment = requiredComment(command.comment);
      return {
        toState: "CHIUSO",
        changes: { state: "CHIUSO", esito: command.esito, closedAt: at },
        comment,
        data: { esito: command.esito },
      };
    }
    case "RICHIESTA_INTEGRAZIONE": {
      const comment = requiredComment(command.comment);
      // A new request replaces the pending one: its own deadline, its own reminder (none when the deadline is that close already).
      const integrationDueAt = romeDayEnd(addWorkingDays(romeIsoDay(at), command.workingDays));
      const integrationRemindedAt = command.workingDays <= INTEGRATION_REMINDER_WORKING_DAYS ? at : null;
      return {
        toState: "IN_ATTESA_CONTRIBUENTE",
        changes: { state: "IN_ATTESA_CONTRIBUENTE", integrationDueAt, integrationRemindedAt },
        comment,
        data: { integrationDueAt: integrationDueAt.toISOString(), workingDays: command.workingDays },
      };
    }
    case "MESSAGGIO_CONTRIBUENTE": {
      const toState = quesito.state === "IN_ATTESA_CONTRIBUENTE" ? "IN_LAVORAZIONE" : quesito.state;
      return { toState, changes: { state: toState }, comment: null, data: { messageId: command.messageId } };
    }
  }
}

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

export type TransitionResult = { eventId: string; state: QuesitoState; version: number };

export const STALE_VERSION_MESSAGE = "Il quesito è stato modificato da un altro operatore: ricaricare la pagina.";

function actorRef(actor: Actor): TransitionActorRef {
  return actor.kind === "operator" ? { kind: "operator", operatorId: actor.operatorId } : { kind: "contributor", personId: actor.personId };
}

function eventActor(actor: Actor): { actorOperatorId: string } | { actorPersonId: string } {
  return actor.kind === "operator" ? { actorOperatorId: actor.operatorId } : { actorPersonId: actor.personId };
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
    select: { id: true, requestId: true, state: true, officeId: true, assigneeId: true, version: true, dueAt: true, clockStoppedAt: true },
  });
  if (!quesito) throw await notFound();

  const plan = planTransition(quesito, input, actorRef(input.actor), at);
  if (input.action === "RIASSEGNATA") await checkReassignTarget(tx, quesito, input.to);

  const expectedVersion = input.expectedVersion ?? quesito.version;
  const updated = await tx.quesito.updateMany({
    where: { id: quesito.id, version: expectedVersion },
    data: { ...plan.changes, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError(STALE_VERSION_MESSAGE);
  if (input.action === "RISPOSTA") {
    // The first reply's instant, kept on the quesito for the response-time figures (decision 0036).
    await tx.quesito.updateMany({ where: { id: quesito.id, firstReplyAt: null }, data: { firstReplyAt: at } });
  }

  const event = await tx.requestEvent.create({
    data: {
      requestId: quesito.requestId,
      type: input.action,
      ...eventActor(input.actor),
      fromState: quesito.state,
      toState: plan.toState,
      comment: plan.comment,
      data: plan.data,
      createdAt: at,
    },
    select: { id: true },
  });
  await tx.request.update({ where: { id: quesito.requestId }, data: { lastActivityAt: at } });
  await enqueueNotifications(tx, event.id);

  return { eventId: event.id, state: plan.toState, version: expectedVersion + 1 };
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
      ...eventActor(actor),
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
