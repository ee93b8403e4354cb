import "server-only";
import type { QuesitoState } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { listOffices } from "@/server/offices/list-offices";
import { allowedActions } from "@/server/workflow/lifecycle";
import { quesitoStateLabels } from "@/server/workflow/states";
import { checkedQuesitoId } from "./policy";

export type QuesitoReassignment = {
  id: string;
  version: number;
  state: QuesitoState;
  stateLabel: string;
  protocolNumber: string;
  subjectLabel: string;
  office: { id: string; code: string; name: string };
  assignee: { id: string; name: string } | null;
  /** Whether the quesito may be reassigned now (its state allows it, and a Smart-Task is the portal's: decision 0037). */
  reassignable: boolean;
  /** The office's active operators, by name, and every other office: the two forms' choices. */
  operators: { id: string; name: string }[];
  offices: { id: string; label: string }[];
};

/**
 * What the page that reassigns a quesito shows (F21): the quesito as far as
 * choosing needs (protocol, subject, office, assignee, state; nothing of the
 * contributor, so nothing for the access log), its office's active operators
 * and the other offices. Apart from the quesito's page, whose every view
 * would otherwise carry a list that grows with the offices (decision 0053).
 * A quesito of another office, or an id that names none, is NotFoundError.
 */
export async function getQuesitoReassignment(operator: OperatorActor, quesitoId: string): Promise<QuesitoReassignment> {
  const [quesito, offices] = await Promise.all([
    prisma.quesito.findFirst({
      where: { id: checkedQuesitoId(quesitoId), ...officeQuesitiWhere(operator) },
      relationLoadStrategy: "join",
      select: {
        id: true,
        version: true,
        state: true,
        smartTask: true,
        office: {
          select: {
            id: true,
            code: true,
            name: true,
            operators: {
              where: { active: true },
              orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
              select: { id: true, givenName: true, familyName: true },
            },
          },
        },
        assignee: { select: { id: true, givenName: true, familyName: true } },
        request: { select: { protocolNumber: true, subject: { select: { label: true } } } },
      },
    }),
    listOffices(),
  ]);
  if (!quesito) throw await notFoundFor(operator, "quesito", quesitoId);
  return {
    id: quesito.id,
    version: quesito.version,
    state: quesito.state,
    stateLabel: quesitoStateLabels[quesito.state],
    protocolNumber: quesito.request.protocolNumber,
    subjectLabel: quesito.request.subject.label,
    office: { id: quesito.office.id, code: quesito.office.code, name: quesito.office.name },
    assignee: quesito.assignee ? { id: quesito.assignee.id, name: fullName(quesito.assignee) } : null,
    reassignable: !quesito.smartTask && allowedActions(quesito.state, "operator").includes("RIASSEGNATA"),
    operators: quesito.office.operators.map((row) => ({ id: row.id, name: fullName(row) })),
    offices: offices
      .filter((office) => office.id !== quesito.office.id)
      .map((office) => ({ id: office.id, label: `${office.name} (${office.code})` })),
  };
}
