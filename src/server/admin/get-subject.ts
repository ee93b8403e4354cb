import "server-only";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { getSubjectTree, type SubjectTree } from "./get-subject-tree";
import { assertAdmin } from "./policy";
import { recordedSubjectSelect } from "./subject-tree";
import { SUBJECT_NOT_FOUND } from "./update-subject";

export type SubjectForEdit = {
  subject: {
    id: string;
    code: string;
    label: string;
    parentId: string | null;
    sortOrder: number;
    active: boolean;
    routeToOfficeId: string | null;
    maxResponseWorkingDays: number | null;
    version: number;
    hasChildren: boolean;
    /** Requests were sent on it: it can be deactivated, never deleted. */
    inUse: boolean;
  };
  tree: SubjectTree;
};

/** One subject for its edit page, with the areas it may move under and the offices it may be routed to. */
export async function getSubject(actor: OperatorActor, subjectId: string): Promise<SubjectForEdit> {
  assertAdmin(actor);
  const found = /^[0-9a-f-]{36}$/i.test(subjectId)
    ? await prisma.subject.findUnique({
        where: { id: subjectId },
        select: {
          ...recordedSubjectSelect,
          children: { take: 1, select: { id: true } },
          requests: { take: 1, select: { id: true } },
        },
      })
    : null;
  if (!found) throw new NotFoundError(SUBJECT_NOT_FOUND);
  const { children, requests, gestione, parent: _parent, routeToOffice: _office, ...subject } = found;
  return {
    subject: { ...subject, hasChildren: children.length > 0, inUse: requests.length > 0 },
    tree: await getSubjectTree(actor, gestione),
  };
}
