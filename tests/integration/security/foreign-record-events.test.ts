import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getAttachmentDownload, ATTACHMENT_NOT_FOUND } from "@/server/attachments/get-attachment-download";
import { BUNDLE_NOT_FOUND, getMessageBundleDownload } from "@/server/attachments/get-bundle-download";
import { prisma } from "@/server/db/client";
import { acceptDelegationRequest } from "@/server/delegations/accept-delegation-request";
import { confirmDelegationRequest } from "@/server/delegations/confirm-delegation-request";
import { DELEGATION_NOT_FOUND } from "@/server/delegations/delegation-rules";
import { rejectDelegationRequest } from "@/server/delegations/reject-delegation-request";
import { revokeDelegation } from "@/server/delegations/revoke-delegation";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { addInternalNote } from "@/server/quesiti/add-internal-note";
import { APPOINTMENT_NOT_FOUND } from "@/server/access/appointment-access";
import { recordAppointmentOutcome } from "@/server/agenda/record-appointment-outcome";
import { removeAgendaWindow, WINDOW_NOT_FOUND } from "@/server/agenda/remove-agenda-window";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { deleteRequestFilter, SAVED_FILTER_NOT_FOUND } from "@/server/saved-filters/delete-request-filter";
import { DRAFT_NOT_FOUND, getFormDraft } from "@/server/drafts/get-form-draft";
import { getRequest } from "@/server/requests/get-request";
import { REQUEST_NOT_FOUND } from "@/server/access/request-access";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { saveRequestFilter } from "@/server/saved-filters/save-request-filter";
import type { ForeignRecordKind } from "@/server/access/report-foreign-record";
import { capturedLogLines, capturedLogRecords } from "../../support/captured-logs";
import { createDelegation, createOffice, createPerson } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { openAgenda } from "../../support/agenda-fixtures";
import { createRequestRecord } from "../attachments/records";

// The app's own logger, settings and redaction included, writing where the test reads.
vi.mock("@/server/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/logger")>();
  const { capturingLogger } = await import("../../support/captured-logs");
  return { ...actual, logger: capturingLogger(actual.loggerOptions) };
});

const origin = { ip: "203.0.113.9", requestId: "req-foreign-1" };

beforeEach(() => {
  capturedLogLines.length = 0;
});

function foreignRecordEvents() {
  return capturedLogRecords().filter((record) => record.type === "foreign-record-not-found");
}

async function refusal(promise: Promise<unknown>): Promise<NotFoundError> {
  const outcome = await promise.then(
    () => new Error("expected not found"),
    (caught: unknown) => caught,
  );
  expect(outcome).toBeInstanceOf(NotFoundError);
  return outcome as NotFoundError;
}

/** A request of a holder, with its quesito at the holder's office, one public message and one internal note, each with a file; the public one has its bundle. */
async function someonesRequest() {
  const { office, holder, position, request } = await createRequestRecord();
  const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: request.id } });
  const file = (name: string) => ({
    fileName: name,
    mimeType: "application/pdf",
    size: 10,
    sha256: "0".repeat(64),
    storageKey: `test/${randomUUID()}`,
  });
  const publicMessage = await prisma.message.create({
    data: {
      requestId: request.id,
      body: "Trasmetto la ricevuta.",
      authorPersonId: holder.id,
      bundleKey: `test/${randomUUID()}`,
      bundleSize: 20,
      attachments: { create: [file("ricevuta.pdf")] },
    },
    include: { attachments: true },
  });
  const internalNote = await prisma.message.create({
    data: { requestId: request.id, visibility: "INTERNO", body: "Verificare.", attachments: { create: [file("appunti.pdf")] } },
    include: { attachments: true },
  });
  await openAgenda(office.id, {}, ["TELEFONICO"]);
  const agendaWindow = await prisma.agendaWindow.findFirstOrThrow({ where: { officeId: office.id } });
  const appointment = await prisma.appointment.create({
    data: {
      officeId: office.id,
      requestId: request.id,
      bookedById: holder.id,
      actingProfile: "TITOLARE",
      channel: "TELEFONICO",
      startsAt: new Date("2027-01-11T08:00:00Z"),
      endsAt: new Date("2027-01-11T08:20:00Z"),
      reason: "Chiarimenti.",
    },
  });
  return { office, holder, position, request, quesito, publicMessage, internalNote, agendaWindow, appointment };
}

/** Someone with nothing to do with that request, signing in from `origin`. */
async function stranger(profile: "TITOLARE" | "INTERMEDIARIO" = "TITOLARE") {
  const person = await createPerson("Estraneo");
  return { ...contributorActor(person, profile), origin };
}

async function strangerOperator() {
  return { ...(await operatorActor((await createOffice()).id)), origin };
}

/**
 * One record of each kind that is someone else's, the actor who asks for it,
 * and how they ask (a service that answers "not found"), with the message
 * that answer carries.
 */
type Attempt = { kind: ForeignRecordKind; actor: Actor; recordId: string; ask: (id: string) => Promise<unknown>; message: string };

const GENERIC_NOT_FOUND = new NotFoundError().message;

type SomeonesRequest = Awaited<ReturnType<typeof someonesRequest>>;

/** An attempt by `by` on one record of a fresh `someonesRequest()`, picked by `record`. */
function onSomeonesRequest<A extends Actor>(attempt: {
  kind: ForeignRecordKind;
  by: (records: SomeonesRequest) => A | Promise<A>;
  record: (records: SomeonesRequest) => string;
  ask: (actor: A, id: string) => Promise<unknown>;
  message: string;
}): () => Promise<Attempt> {
  return async () => {
    const records = await someonesRequest();
    const actor = await attempt.by(records);
    return {
      kind: attempt.kind,
      actor,
      recordId: attempt.record(records),
      ask: (id) => attempt.ask(actor, id),
      message: attempt.message,
    };
  };
}

const attempts: Record<string, () => Promise<Attempt>> = {
  "a request (its page)": onSomeonesRequest({
    kind: "request",
    by: () => stranger(),
    record: ({ request }) => request.id,
    ask: (actor, id) => getRequest(actor, id),
    message: REQUEST_NOT_FOUND,
  }),
  "a request (the limits of a message's files)": onSomeonesRequest({
    kind: "request",
    by: () => stranger(),
    record: ({ request }) => request.id,
    ask: (actor, id) => getUploadLimits(actor, { requestId: id }),
    message: REQUEST_NOT_FOUND,
  }),
  "a quesito (its page)": onSomeonesRequest({
    kind: "quesito",
    by: strangerOperator,
    record: ({ quesito }) => quesito.id,
    ask: (actor, id) => getQuesito(actor, id, "/fascicolo/quesiti"),
    message: GENERIC_NOT_FOUND,
  }),
  "a quesito (taking it)": onSomeonesRequest({
    kind: "quesito",
    by: strangerOperator,
    record: ({ quesito }) => quesito.id,
    ask: (actor, id) => takeQuesito(actor, id, { expectedVersion: "0" }),
    message: GENERIC_NOT_FOUND,
  }),
  "a quesito (an internal note)": onSomeonesRequest({
    kind: "quesito",
    by: strangerOperator,
    record: ({ quesito }) => quesito.id,
    ask: (actor, id) => addInternalNote(actor, id, { expectedVersion: "0", body: "Nota." }),
    message: GENERIC_NOT_FOUND,
  }),
  "an attachment": onSomeonesRequest({
    kind: "attachment",
    by: () => stranger(),
    record: ({ publicMessage }) => publicMessage.attachments[0]!.id,
    ask: (actor, id) => getAttachmentDownload(actor, id),
    message: ATTACHMENT_NOT_FOUND,
  }),
  "an attachment of an internal note, asked by the request's own holder": onSomeonesRequest({
    kind: "attachment",
    by: ({ holder }) => ({ ...contributorActor(holder), origin }),
    record: ({ internalNote }) => internalNote.attachments[0]!.id,
    ask: (actor, id) => getAttachmentDownload(actor, id),
    message: ATTACHMENT_NOT_FOUND,
  }),
  "a message bundle": onSomeonesRequest({
    kind: "message-bundle",
    by: strangerOperator,
    record: ({ publicMessage }) => publicMessage.id,
    ask: (actor, id) => getMessageBundleDownload(actor, id),
    message: BUNDLE_NOT_FOUND,
  }),
  "an appointment (recording its outcome)": onSomeonesRequest({
    kind: "appointment",
    by: strangerOperator,
    record: ({ appointment }) => appointment.id,
    ask: (actor, id) => recordAppointmentOutcome(actor, { appointmentId: id, outcome: "SVOLTO" }),
    message: APPOINTMENT_NOT_FOUND,
  }),
  "an agenda window (closing it)": onSomeonesRequest({
    kind: "agenda-window",
    by: async () => ({ ...(await operatorActor((await createOffice()).id, "RESPONSABILE")), origin }),
    record: ({ agendaWindow }) => agendaWindow.id,
    ask: (actor, id) => removeAgendaWindow(actor, { windowId: id }),
    message: WINDOW_NOT_FOUND,
  }),
  "a form draft": async () => {
    const owner = await createPerson("Titolare");
    const draft = await prisma.formDraft.create({
      data: {
        ownerPersonId: owner.id,
        purpose: "NUOVA_RICHIESTA",
        data: { values: { text: "Testo" }, errors: {} },
        files: [],
        expiresAt: new Date(Date.now() + 60 * 60 * 1000),
      },
    });
    const actor = await stranger();
    return {
      kind: "form-draft",
      actor,
      recordId: draft.id,
      ask: (id) => getFormDraft(actor, id, { purpose: "NUOVA_RICHIESTA" }),
      message: DRAFT_NOT_FOUND,
    };
  },
  "a saved filter": async () => {
    const owner = contributorActor(await createPerson("Commercialista"), "INTERMEDIARIO");
    const filter = await saveRequestFilter(owner, { name: "Aperte", query: { stato: "aperta" } });
    const actor = await stranger("INTERMEDIARIO");
    return {
      kind: "saved-filter",
      actor,
      recordId: filter.id,
      ask: (id) => deleteRequestFilter(actor, { filterId: id }),
      message: SAVED_FILTER_NOT_FOUND,
    };
  },
  "a delegation (revoking it)": async () => {
    const { holder, position } = await someonesRequest();
    const delegate = await createPerson("Intermediario");
    const delegation = await createDelegation({ holderId: holder.id, delegateId: delegate.id, positionIds: [position.id] });
    const actor = await stranger();
    return {
      kind: "delegation",
      actor,
      recordId: delegation.id,
      ask: (id) => revokeDelegation(actor, { delegationId: id, reason: "Incarico cessato." }),
      message: DELEGATION_NOT_FOUND,
    };
  },
  "a delegation request (accepting it)": async () =>
    pendingRequestAttempt((actor, id) => acceptDelegationRequest(actor, { delegationId: id })),
  "a delegation request (rejecting it)": async () =>
    pendingRequestAttempt((actor, id) => rejectDelegationRequest(actor, { delegationId: id })),
  "a delegation request (confirming it)": async () =>
    pendingRequestAttempt((actor, id) => confirmDelegationRequest(actor, { delegationId: id, code: "ABCD2345" }), "INTERMEDIARIO"),
};

async function pendingRequestAttempt(
  ask: (actor: Awaited<ReturnType<typeof stranger>>, id: string) => Promise<unknown>,
  profile: "TITOLARE" | "INTERMEDIARIO" = "TITOLARE",
): Promise<Attempt> {
  const { holder, position } = await someonesRequest();
  const delegate = await createPerson("Intermediario");
  const delegation = await createDelegation({
    holderId: holder.id,
    delegateId: delegate.id,
    positionIds: [position.id],
    status: "PENDING",
  });
  await prisma.delegation.update({ where: { id: delegation.id }, data: { origin: "RICHIESTA" } });
  const actor = await stranger(profile);
  return { kind: "delegation-request", actor, recordId: delegation.id, ask: (id) => ask(actor, id), message: DELEGATION_NOT_FOUND };
}

describe("someone else's record asked for by id", () => {
  it.each(Object.keys(attempts))("%s: still not found, and one security event says who tried which record from where", async (name) => {
    const attempt = await attempts[name]!();

    const error = await refusal(attempt.ask(attempt.recordId));

    expect(error.message).toBe(attempt.message);
    const events = foreignRecordEvents();
    expect(events).toHaveLength(1);
    const { level, time: _time, pid: _pid, hostname: _hostname, service, msg, ...fields } = events[0]!;
    expect({ level, service, msg }).toEqual({
      level: 30,
      service: "comunicazione-bidirezionale",
      msg: "security: foreign-record-not-found",
    });
    // Exactly these fields: the codice fiscale is the only personal datum.
    expect(fields).toEqual({
      channel: "security",
      type: "foreign-record-not-found",
      realm: attempt.actor.kind === "contributor" ? "cassetto" : "fascicolo",
      codiceFiscale: attempt.actor.codiceFiscale,
      ip: origin.ip,
      requestId: origin.requestId,
      recordKind: attempt.kind,
      recordId: attempt.recordId,
    });
  });

  it.each(Object.keys(attempts))("%s that does not exist: not found, and no security event", async (name) => {
    const attempt = await attempts[name]!();

    const error = await refusal(attempt.ask(randomUUID()));

    expect(error.message).toBe(attempt.message);
    expect(foreignRecordEvents()).toEqual([]);
  });

  it("an id that is no UUID is not found and logs nothing", async () => {
    const attempt = await attempts["a request (its page)"]!();

    await refusal(attempt.ask("../../etc/passwd"));

    expect(foreignRecordEvents()).toEqual([]);
  });
});

describe("no event where nobody reached for someone else's record", () => {
  it("the holder reading their own request logs nothing", async () => {
    const { holder, request } = await someonesRequest();

    await getRequest({ ...contributorActor(holder), origin }, request.id);

    expect(foreignRecordEvents()).toEqual([]);
  });

  it("the holder's own request, refused under a profile that does not reach it, logs nothing", async () => {
    const { holder, request } = await someonesRequest();

    await refusal(getRequest(contributorActor(holder, "INTERMEDIARIO"), request.id));

    expect(foreignRecordEvents()).toEqual([]);
  });

  it("the office's own message without a bundle logs nothing", async () => {
    const { office, internalNote } = await someonesRequest();
    const operator = await operatorActor(office.id);

    await refusal(getMessageBundleDownload(operator, internalNote.id));

    expect(foreignRecordEvents()).toEqual([]);
  });

  it("the owner's own expired draft logs nothing", async () => {
    const owner = await createPerson("Titolare");
    const draft = await prisma.formDraft.create({
      data: {
        ownerPersonId: owner.id,
        purpose: "NUOVA_RICHIESTA",
        data: { values: {}, errors: {} },
        files: [],
        expiresAt: new Date(Date.now() - 1000),
      },
    });

    await refusal(getFormDraft(contributorActor(owner), draft.id, { purpose: "NUOVA_RICHIESTA" }));

    expect(foreignRecordEvents()).toEqual([]);
  });

  it("the delegate of a delegation, refused the holder's revocation, logs nothing", async () => {
    const { holder, position } = await someonesRequest();
    const delegate = await createPerson("Intermediario");
    const delegation = await createDelegation({ holderId: holder.id, delegateId: delegate.id, positionIds: [position.id] });

    await refusal(
      revokeDelegation(contributorActor(delegate, "INTERMEDIARIO"), { delegationId: delegation.id, reason: "Incarico cessato." }),
    );

    expect(foreignRecordEvents()).toEqual([]);
  });

  it("logs no address where the actor carries none (outside a request)", async () => {
    const { request } = await someonesRequest();
    const actor = contributorActor(await createPerson("Estraneo"));

    await refusal(getRequest(actor, request.id));

    const [event] = foreignRecordEvents();
    expect(event).toMatchObject({ recordKind: "request", recordId: request.id, codiceFiscale: actor.codiceFiscale });
    expect(event).not.toHaveProperty("ip");
    expect(event).not.toHaveProperty("requestId");
  });
});
