import { describe, expect, it } from "vitest";
import type { QuesitoState } from "@/generated/prisma/enums";
import { ConflictError, ForbiddenError, ValidationError } from "@/server/errors/domain-errors";
import {
  allowedActions,
  planTransition,
  transitionRules,
  type QuesitoSnapshot,
  type TransitionAction,
  type TransitionActorRef,
  type TransitionCommand,
} from "./lifecycle";
import { contributorMessagingRefusal, NO_REPLY_EXPECTED } from "./contributor-messaging";
import { contributorStateLabels, contributorStateOf, quesitoStatesFor, requestStateOf } from "./states";

const states: QuesitoState[] = ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE", "CHIUSO"];
const operator: TransitionActorRef = { kind: "operator", operatorId: "op-1" };
const contributor: TransitionActorRef = { kind: "contributor", personId: "person-1" };
const at = new Date("2026-11-22T10:00:00Z");

function snapshot(state: QuesitoState): QuesitoSnapshot {
  return { state, officeId: "office-1", assigneeId: "op-2", dueAt: null, clockStoppedAt: null };
}

/** One valid command per action, for the table walk (a state change goes to the other working state). */
const commandFor = (action: TransitionAction, from: QuesitoState): TransitionCommand =>
  action === "STATO_MODIFICATO"
    ? { action, toState: from === "IN_ATTESA_CONTRIBUENTE" ? "IN_LAVORAZIONE" : "IN_ATTESA_CONTRIBUENTE", comment: "Serve il DURC" }
    : commands[action];
const commands: Record<Exclude<TransitionAction, "STATO_MODIFICATO">, TransitionCommand> = {
  PRESA_IN_CARICO: { action: "PRESA_IN_CARICO" },
  RIASSEGNATA: { action: "RIASSEGNATA", to: { operatorId: "op-3" }, comment: "Competenza del collega" },
  RISPOSTA: { action: "RISPOSTA", messageId: "m-1" },
  NOTA_INTERNA: { action: "NOTA_INTERNA", messageId: "m-1" },
  CHIUSA: { action: "CHIUSA", esito: "ACCOLTA", comment: "Rimborso disposto" },
  RICHIESTA_INTEGRAZIONE: { action: "RICHIESTA_INTEGRAZIONE", comment: "Inviare il modello F24", workingDays: 15 },
  MESSAGGIO_CONTRIBUENTE: { action: "MESSAGGIO_CONTRIBUENTE", messageId: "m-1" },
};

/** The expected result of every (action, state) for the right kind of actor: target state or refusal. */
const expected: Record<TransitionAction, Record<QuesitoState, QuesitoState | "refused">> = {
  PRESA_IN_CARICO: { NUOVO: "IN_LAVORAZIONE", IN_LAVORAZIONE: "refused", IN_ATTESA_CONTRIBUENTE: "refused", CHIUSO: "refused" },
  RIASSEGNATA: { NUOVO: "NUOVO", IN_LAVORAZIONE: "NUOVO", IN_ATTESA_CONTRIBUENTE: "NUOVO", CHIUSO: "refused" },
  RISPOSTA: {
    NUOVO: "refused",
    IN_LAVORAZIONE: "IN_LAVORAZIONE",
    IN_ATTESA_CONTRIBUENTE: "IN_ATTESA_CONTRIBUENTE",
    CHIUSO: "refused",
  },
  NOTA_INTERNA: {
    NUOVO: "NUOVO",
    IN_LAVORAZIONE: "IN_LAVORAZIONE",
    IN_ATTESA_CONTRIBUENTE: "IN_ATTESA_CONTRIBUENTE",
    CHIUSO: "refused",
  },
  STATO_MODIFICATO: {
    NUOVO: "refused",
    IN_LAVORAZIONE: "IN_ATTESA_CONTRIBUENTE",
    IN_ATTESA_CONTRIBUENTE: "IN_LAVORAZIONE",
    CHIUSO: "refused",
  },
  CHIUSA: { NUOVO: "refused", IN_LAVORAZIONE: "CHIUSO", IN_ATTESA_CONTRIBUENTE: "CHIUSO", CHIUSO: "refused" },
  RICHIESTA_INTEGRAZIONE: {
    NUOVO: "refused",
    IN_LAVORAZIONE: "IN_ATTESA_CONTRIBUENTE",
    IN_ATTESA_CONTRIBUENTE: "IN_ATTESA_CONTRIBUENTE",
    CHIUSO: "refused",
  },
  MESSAGGIO_CONTRIBUENTE: {
    NUOVO: "NUOVO",
    IN_LAVORAZIONE: "IN_LAVORAZIONE",
    IN_ATTESA_CONTRIBUENTE: "IN_LAVORAZIONE",
    CHIUSO: "refused",
  },
};

const actions = Object.keys(transitionRules) as TransitionAction[];

describe("contributor state", () => {
  it("derives aperta / in carico / chiusa from every quesito state", () => {
    expect(states.map(contributorStateOf)).toEqual(["APERTA", "IN_CARICO", "IN_CARICO", "CHIUSA"]);
  });

  it("maps each contributor state back to the quesito states that show it", () => {
    expect(quesitoStatesFor("APERTA")).toEqual(["NUOVO"]);
    expect(quesitoStatesFor("IN_CARICO")).toEqual(["IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"]);
    expect(quesitoStatesFor("CHIUSA")).toEqual(["CHIUSO"]);
    expect(quesitoStatesFor("RICEVUTA")).toEqual([]);
  });

  it("shows a communication of the office without a quesito as received, and lets nobody write on it", () => {
    expect(requestStateOf(null)).toBe("RICEVUTA");
    expect(contributorStateLabels[requestStateOf(null)]).toBe("Ricevuta");
    expect(requestStateOf({ state: "IN_ATTESA_CONTRIBUENTE" })).toBe("IN_CARICO");
    expect(contributorMessagingRefusal(null)).toBe(NO_REPLY_EXPECTED);
    expect(contributorMessagingRefusal({ state: "IN_ATTESA_CONTRIBUENTE", esito: null }, true)).toBeNull();
    expect(contributorMessagingRefusal({ state: "CHIUSO", esito: null }, true)).toBe(NO_REPLY_EXPECTED);
    expect(contributorMessagingRefusal({ state: "CHIUSO", esito: "ACCOLTA" }, true)).toMatch(/^La richiesta è chiusa/);
  });
});

describe("transition table", () => {
  for (const action of actions) {
    const rightActor = transitionRules[action].by === "operator" ? operator : contributor;
    const wrongActor = rightActor === operator ? contributor : operator;

    for (const state of states) {
      const outcome = expected[action][state];
      it(`${action} from ${state} by ${rightActor.kind}: ${outcome}`, () => {
        const run = () => planTransition(snapshot(state), commandFor(action, state), rightActor, at);
        if (outcome === "refused") {
          expect(run).toThrow(ConflictError);
          if (state === "CHIUSO") expect(run).toThrow(/^La richiesta è chiusa: non è possibile /);
        } else {
          expect(run().toState).toBe(outcome);
        }
      });

      it(`${action} from ${state} by ${wrongActor.kind}: forbidden`, () => {
        expect(() => planTransition(snapshot(state), commandFor(action, state), wrongActor, at)).toThrow(ForbiddenError);
      });
    }
  }

  it("offers exactly the actions the table allows", () => {
    for (const state of states) {
      const byOperator = actions.filter((action) => transitionRules[action].by === "operator" && expected[action][state] !== "refused");
      expect(allowedActions(state, "operator")).toEqual(byOperator);
    }
    expect(allowedActions("CHIUSO", "contributor")).toEqual([]);
    expect(allowedActions("IN_ATTESA_CONTRIBUENTE", "contributor")).toEqual(["MESSAGGIO_CONTRIBUENTE"]);
  });
});

describe("planTransition details", () => {
  /** The plan of an operator's command on a quesito in `state`. */
  const planByOperator = (state: QuesitoState, command: TransitionCommand) => planTransition(snapshot(state), command, operator, at);

  it("taking in charge assigns the quesito to the actor", () => {
    const plan = planByOperator("NUOVO", { action: "PRESA_IN_CARICO" });
    expect(plan.changes).toEqual({ state: "IN_LAVORAZIONE", assigneeId: "op-1", takenAt: at });
  });

  it("reassigning to another office clears the assignee", () => {
    const plan = planByOperator("IN_LAVORAZIONE", {
      action: "RIASSEGNATA",
      to: { officeId: "office-2" },
      comment: "  Competenza territoriale  ",
    });
    expect(plan.changes).toEqual({ state: "NUOVO", officeId: "office-2", assigneeId: null, takenAt: null });
    expect(plan.comment).toBe("Competenza territoriale");
  });

  it("reassigning to the same office or to the operator already assigned a new quesito is refused", () => {
    expect(() => planByOperator("NUOVO", { action: "RIASSEGNATA", to: { officeId: "office-1" }, comment: "x" })).toThrow(ValidationError);
    expect(() => planByOperator("NUOVO", { action: "RIASSEGNATA", to: { operatorId: "op-2" }, comment: "x" })).toThrow(ValidationError);
  });

  it("reassigning, changing state and closing require a comment", () => {
    const blank = "   ";
    const cases: TransitionCommand[] = [
      { action: "RIASSEGNATA", to: { operatorId: "op-3" }, comment: blank },
      { action: "STATO_MODIFICATO", toState: "IN_ATTESA_CONTRIBUENTE", comment: blank },
      { action: "CHIUSA", esito: "NON_ACCOLTA", comment: blank },
    ];
    for (const command of cases) {
      try {
        planByOperator("IN_LAVORAZIONE", command);
        expect.unreachable(`${command.action} accepted a blank comment`);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fieldErrors).toEqual({ comment: ["Inserire un commento."] });
      }
    }
  });

  it("changing state to the current one is refused", () => {
    expect(() =>
      planByOperator("IN_ATTESA_CONTRIBUENTE", { action: "STATO_MODIFICATO", toState: "IN_ATTESA_CONTRIBUENTE", comment: "x" }),
    ).toThrow(ValidationError);
    const back = planByOperator("IN_ATTESA_CONTRIBUENTE", {
      action: "STATO_MODIFICATO",
      toState: "IN_LAVORAZIONE",
      comment: "Documenti arrivati",
    });
    expect(back.toState).toBe("IN_LAVORAZIONE");
  });

  it("a reply may move the quesito to the chosen working state", () => {
    const plan = planByOperator("IN_LAVORAZIONE", { action: "RISPOSTA", messageId: "m-1", nextState: "IN_ATTESA_CONTRIBUENTE" });
    expect(plan.toState).toBe("IN_ATTESA_CONTRIBUENTE");
    expect(plan.data).toEqual({ messageId: "m-1" });
  });

  it("closing records the esito and the closing time", () => {
    const plan = planByOperator("IN_ATTESA_CONTRIBUENTE", {
      action: "CHIUSA",
      esito: "PARZIALMENTE_ACCOLTA",
      comment: "Accolta in parte",
    });
    expect(plan.changes).toEqual({
      state: "CHIUSO",
      esito: "PARZIALMENTE_ACCOLTA",
      closedAt: at,
      clockStoppedAt: null,
      integrationDueAt: null,
      integrationRemindedAt: null,
    });
  });
});

describe("the office's clock (B4)", () => {
  const monday = new Date("2026-12-07T09:00:00Z");
  const dueAt = new Date("2026-12-18T23:00:00Z"); // the end of Friday 18 December in Rome
  const working = (state: QuesitoState, clockStoppedAt: Date | null = null): QuesitoSnapshot => ({
    ...snapshot(state),
    dueAt,
    clockStoppedAt,
  });

  it("an integration request stops the clock and gives the contributor a deadline in working days", () => {
    const plan = planTransition(
      working("IN_LAVORAZIONE"),
      { action: "RICHIESTA_INTEGRAZIONE", comment: " Inviare il modello F24 ", workingDays: 1 },
      operator,
      monday,
    );
    // Tuesday 8 December is a holiday: one working day after Monday is Wednesday.
    expect(plan.changes).toEqual({
      state: "IN_ATTESA_CONTRIBUENTE",
      integrationDueAt: new Date("2026-12-09T23:00:00Z"),
      // One day is no time for a reminder: none will be sent.
      integrationRemindedAt: monday,
      clockStoppedAt: monday,
    });
    expect(plan.comment).toBe("Inviare il modello F24");
    expect(plan.data).toEqual({ integrationDueAt: "2026-12-09T23:00:00.000Z", workingDays: 1 });
  });

  it("a repeated request keeps the clock stopped since the first", () => {
    const plan = planTransition(
      working("IN_ATTESA_CONTRIBUENTE", monday),
      { action: "RICHIESTA_INTEGRAZIONE", comment: "Manca anche la ricevuta", workingDays: 5 },
      operator,
      new Date("2026-12-10T09:00:00Z"),
    );
    expect(plan.changes).not.toHaveProperty("clockStoppedAt");
    expect(plan.changes.integrationDueAt).toEqual(new Date("2026-12-17T23:00:00Z"));
    expect(plan.changes.integrationRemindedAt).toBeNull();
  });

  it("the contributor's answer resumes the clock: the due date moves by the working days paused", () => {
    const plan = planTransition(
      working("IN_ATTESA_CONTRIBUENTE", monday),
      { action: "MESSAGGIO_CONTRIBUENTE", messageId: "m-1" },
      contributor,
      new Date("2026-12-14T09:00:00Z"),
    );
    // Paused Monday 7 → Monday 14: 9, 10, 11, 14 (the 8th is a holiday), so Friday 18 becomes Thursday 24.
    expect(plan.changes).toEqual({
      state: "IN_LAVORAZIONE",
      clockStoppedAt: null,
      integrationDueAt: null,
      integrationRemindedAt: null,
      dueAt: new Date("2026-12-24T23:00:00Z"),
      dueWarningSentAt: null,
      dueDateNoticeSentAt: null,
    });
    expect(plan.data).toEqual({ messageId: "m-1", clockResumed: { pausedWorkingDays: 4, dueAt: "2026-12-24T23:00:00.000Z" } });
  });

  it("a message while the clock runs leaves the due date alone", () => {
    const plan = planTransition(working("IN_LAVORAZIONE"), { action: "MESSAGGIO_CONTRIBUENTE", messageId: "m-1" }, contributor, monday);
    expect(plan.changes).toEqual({ state: "IN_LAVORAZIONE" });
  });
});
