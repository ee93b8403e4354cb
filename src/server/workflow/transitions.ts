import type { Prisma } from "@/generated/prisma/client";
import type { Esito, QuesitoState, RequestEventType } from "@/generated/prisma/enums";
import { ConflictError, ForbiddenError, ValidationError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { INTEGRATION_REMINDER_WORKING_DAYS, quesitoStateLabels } from "./states";
import { addWorkingDays, extendDue } from "@/lib/working-days";
import { romeDayEnd, romeIsoDay } from "@/lib/rome-dates";

/**
 * The transition table of THE lifecycle (lifecycle.ts applies it for the
 * app's services) and the writing of a planned transition, apart from the
 * app's access checks and notices so that the worker, which runs outside
 * Next.js, takes the Smart-Task's transitions through the same machine
 * (decision 0037).
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
  /** The portal itself takes it on a Smart-Task's quesito (decision 0037): in charge, then closed with the outcome. */
  automatic?: true;
  from: readonly QuesitoState[];
  /** Completes "La richiesta è chiusa: non è possibile …". */
  refusedWhenClosed: string;
  /** Why the action is refused in an open state outside `from`. */
  refusedInState: string;
};

export const transitionRules: Record<TransitionAction, TransitionRule> = {
  PRESA_IN_CARICO: {
    by: "operator",
    automatic: true,
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
    automatic: true,
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
  /** A Smart-Task's quesito moves only by the portal's own transitions. */
  smartTask?: boolean;
};

/** What a transition reads of the quesito: its snapshot, with the ids and version the writing needs. */
export const transitionQuesitoSelect = {
  id: true,
  requestId: true,
  state: true,
  officeId: true,
  assigneeId: true,
  version: true,
  dueAt: true,
  clockStoppedAt: true,
  smartTask: true,
} as const satisfies Prisma.QuesitoSelect;

/** Who takes a transition: an operator, a contributor, or the portal itself (the Smart-Task job). */
export type TransitionActorRef = { kind: "operator"; operatorId: string } | { kind: "contributor"; personId: string } | { kind: "system" };

export const SMART_TASK_READ_ONLY = "Le Smart-Task sono trattate automaticamente dal portale: la richiesta si può solo consultare.";

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
  if (actor.kind === "system" ? !rule.automatic : rule.by !== actor.kind) throw new ForbiddenError();
  if (Boolean(quesito.smartTask) !== (actor.kind === "system")) throw new ConflictError(SMART_TASK_READ_ONLY);
  if (quesito.state === "CHIUSO") {
    throw new ConflictError(`La richiesta è chiusa: non è possibile ${rule.refusedWhenClosed}`);
  }
  if (!rule.from.includes(quesito.state)) throw new ConflictError(rule.refusedInState);

  switch (command.action) {
    case "PRESA_IN_CARICO": {
      if (actor.kind === "contributor") throw new ForbiddenError();
      const assigneeId = actor.kind === "operator" ? actor.operatorId : null;
      return {
        toState: "IN_LAVORAZIONE",
        changes: { state: "IN_LAVORAZIONE", assigneeId, takenAt: at },
        comment: null,
        data: actor.kind === "operator" ? { assigneeId } : { automatic: true },
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

// ───────────────────────────── writing it ─────────────────────────────

export const STALE_VERSION_MESSAGE = "Il quesito è stato modificato da un altro operatore: ricaricare la pagina.";

export type TransitionResult = { eventId: string; state: QuesitoState; version: number };

/** The event's actor columns: none when the portal acted. */
export function eventActor(actor: TransitionActorRef): { actorOperatorId?: string; actorPersonId?: string } {
  if (actor.kind === "operator") return { actorOperatorId: actor.operatorId };
  return actor.kind === "contributor" ? { actorPersonId: actor.personId } : {};
}

/**
 * Writes a planned transition in the caller's transaction: the quesito's
 * changes if its version is still `expectedVersion` (else ConflictError),
 * the history event, the request's last activity and the event's notices
 * (`enqueue`: the app's or the worker's).
 */
export async function writeTransition(
  tx: Prisma.TransactionClient,
  input: {
    quesito: { id: string; requestId: string; state: QuesitoState };
    action: TransitionAction;
    actor: TransitionActorRef;
    plan: TransitionPlan;
    expectedVersion: number;
    at: Date;
  },
  enqueue: (tx: Prisma.TransactionClient, eventId: string) => Promise<unknown>,
): Promise<TransitionResult> {
  const { quesito, plan, at, expectedVersion } = input;
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
  await enqueue(tx, event.id);

  return { eventId: event.id, state: plan.toState, version: expectedVersion + 1 };
}
