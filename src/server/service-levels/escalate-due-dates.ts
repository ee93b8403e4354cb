import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeIsoDay } from "@/lib/rome-dates";
import type { AppConfig } from "@/server/config";
import { clockRunning, dueWhere } from "@/server/quesiti/due-filters";
import { enqueueEscalationNotices, type Escalation } from "./escalation-notices";

/** Quesiti handled per run and state, at most; the next run takes the rest. */
const BATCH = 500;

const quesitoSelect = {
  id: true,
  requestId: true,
  officeId: true,
  assigneeId: true,
  dueAt: true,
  office: { select: { name: true } },
  assignee: { select: { givenName: true, familyName: true, email: true, active: true } },
  request: { select: { protocolNumber: true, subject: { select: { label: true, parent: { select: { label: true } } } } } },
} satisfies Prisma.QuesitoSelect;

type Candidate = Prisma.QuesitoGetPayload<{ select: typeof quesitoSelect }>;

type Pass = {
  kind: Escalation;
  flag: "dueWarningSentAt" | "dueDateNoticeSentAt";
  /** The due dates this pass looks at, and who else must hold for a quesito to qualify. */
  where: Prisma.QuesitoWhereInput;
  recipients(
    tx: Prisma.TransactionClient,
    quesito: Candidate,
  ): Promise<{ id: string; givenName: string; familyName: string; email: string }[]>;
};

/**
 * One pass: the candidates state by state (each in the order of the
 * (state, dueAt) index), each claimed by a conditional UPDATE of its flag
 * (still unset, same due date, clock still running) in the transaction that
 * writes the event and the notices: once per due date, however many workers.
 */
async function runPass(
  prisma: PrismaClient,
  pass: Pass,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
  now: Date,
): Promise<number> {
  const candidates = (
    await Promise.all(
      clockRunning.map((state) =>
        prisma.quesito.findMany({
          where: { AND: [pass.where, { state, [pass.flag]: null }] },
          orderBy: { dueAt: "asc" },
          take: BATCH,
          select: quesitoSelect,
        }),
      ),
    )
  ).flat();
  let notified = 0;
  for (const quesito of candidates) {
    const claimed = await prisma.$transaction(async (tx) => {
      const claim = await tx.quesito.updateMany({
        where: { id: quesito.id, [pass.flag]: null, dueAt: quesito.dueAt, state: { in: [...clockRunning] } },
        data: { [pass.flag]: now },
      });
      if (claim.count === 0 || !quesito.dueAt) return false;
      const recipients = await pass.recipients(tx, quesito);
      const event = await tx.requestEvent.create({
        data: {
          requestId: quesito.requestId,
          type: pass.kind,
          data: { dueAt: quesito.dueAt.toISOString(), operatorIds: recipients.map((operator) => operator.id) },
          createdAt: now,
        },
        select: { id: true },
      });
      const { subject } = quesito.request;
      await enqueueEscalationNotices(
        tx,
        pass.kind,
        {
          id: quesito.id,
          requestId: quesito.requestId,
          dueAt: quesito.dueAt,
          protocolNumber: quesito.request.protocolNumber,
          subjectLabel: subject.parent ? `${subject.parent.label} – ${subject.label}` : subject.label,
          officeName: quesito.office.name,
          assigneeName: quesito.assignee ? fullName(quesito.assignee) : null,
        },
        event.id,
        recipients,
        config,
      );
      return true;
    });
    if (claimed) notified++;
  }
  return notified;
}

/**
 * The escalations of the service levels (B4, decision 0034), run by the
 * worker: SLA_WARNING_WORKING_DAYS working days before the due date the
 * assignee is warned (a quesito nobody holds waits until someone takes it),
 * and when the due date comes the office's RESPONSABILE(s) are told, each
 * once per due date. Quesiti waiting for the contributor or closed are left
 * alone. Returns how many quesiti were escalated, per kind.
 */
export async function escalateDueDates(
  prisma: PrismaClient,
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS" | "SLA_WARNING_WORKING_DAYS">,
  now = new Date(),
): Promise<Record<Escalation, number>> {
  const warned = await runPass(
    prisma,
    {
      kind: "SCADENZA_VICINA",
      flag: "dueWarningSentAt",
      // The same quesiti as the queue's "in scadenza" filter.
      where: { ...dueWhere("in_scadenza", false, now, config.SLA_WARNING_WORKING_DAYS), assigneeId: { not: null } },
      recipients: async (_tx, quesito) =>
        quesito.assignee?.active && quesito.assigneeId ? [{ id: quesito.assigneeId, ...quesito.assignee }] : [],
    },
    config,
    now,
  );
  const reached = await runPass(
    prisma,
    {
      kind: "SCADENZA_RAGGIUNTA",
      flag: "dueDateNoticeSentAt",
      // The due day has come (Rome time).
      where: { dueAt: { lte: romeDayEnd(romeIsoDay(now)) } },
      recipients: (tx, quesito) =>
        tx.operator.findMany({
          where: { officeId: quesito.officeId, role: "RESPONSABILE", active: true },
          orderBy: { familyName: "asc" },
          select: { id: true, givenName: true, familyName: true, email: true },
        }),
    },
    config,
    now,
  );
  return { SCADENZA_VICINA: warned, SCADENZA_RAGGIUNTA: reached };
}
