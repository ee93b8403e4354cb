import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Gestione, QuesitoState } from "@/generated/prisma/enums";
import { likeLiteral } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import type { SubjectFilterGroup } from "@/server/requests/list-request-subjects";
import { quesitoStateLabels } from "@/server/workflow/states";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { parseQuesitoInput, QUEUE_PAGE_SIZE, queueFiltersSchema, type QueueFilters, type QueueStateFilter } from "./schemas";

type QueueRow = {
  id: string;
  protocolNumber: string;
  receivedAt: Date;
  position: { gestione: Gestione; gestioneLabel: string; matricola: string; denominazione: string };
  holder: { name: string; codiceFiscale: string };
  subject: { label: string; areaLabel: string | null };
  state: QuesitoState;
  stateLabel: string;
  assigneeName: string | null;
};

export type OfficeQueue = {
  filters: QueueFilters;
  rows: QueueRow[];
  /** Quesiti matching the filters, over all pages. */
  total: number;
  page: number;
  pageCount: number;
  /** For the filter form: gestioni and, per gestione and area, the area and (of one gestione) its subjects. */
  gestioni: { value: Gestione; label: string }[];
  subjectGroups: SubjectFilterGroup[];
};

const statesOfFilter: Record<QueueStateFilter, QuesitoState[] | null> = {
  aperti: ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"],
  nuovo: ["NUOVO"],
  in_lavorazione: ["IN_LAVORAZIONE"],
  in_attesa: ["IN_ATTESA_CONTRIBUENTE"],
  chiuso: ["CHIUSO"],
  tutti: null,
};

function queueWhere(operator: OperatorActor, filters: QueueFilters): Prisma.QuesitoWhereInput {
  const states = statesOfFilter[filters.stato];
  const request: Prisma.RequestWhereInput[] = [];
  if (filters.gestione) request.push({ position: { gestione: filters.gestione } });
  if (filters.oggetto) request.push({ OR: [{ subjectId: filters.oggetto }, { subject: { parentId: filters.oggetto } }] });
  if (filters.cerca) {
    const term = filters.cerca;
    request.push({
      OR: [
        { protocolNumber: { contains: likeLiteral(term), mode: "insensitive" } },
        { holder: { codiceFiscale: term } },
        { submittedBy: { codiceFiscale: term } },
        { position: { matricola: term } },
      ],
    });
  }
  return {
    ...officeQuesitiWhere(operator),
    ...(states ? { state: { in: states } } : {}),
    ...(filters.assegnazione === "miei" ? { assigneeId: operator.operatorId } : {}),
    ...(filters.assegnazione === "liberi" ? { assigneeId: null } : {}),
    ...(filters.dal || filters.al
      ? {
          receivedAt: {
            ...(filters.dal ? { gte: romeDayStart(filters.dal) } : {}),
            ...(filters.al ? { lt: romeDayEnd(filters.al) } : {}),
          },
        }
      : {}),
    ...(request.length > 0 ? { request: { AND: request } } : {}),
  };
}

/**
 * The subject filter's choices: every area, and the single subjects of one
 * gestione only, the chosen one (else that of the chosen subject). Every
 * subject of every gestione would weigh on each view of the queue; without
 * JavaScript the operator picks the gestione, applies, then the subject.
 */
async function subjectGroups(gestioneLabels: Map<Gestione, string>, filters: QueueFilters): Promise<SubjectFilterGroup[]> {
  const detailed =
    filters.gestione ??
    (filters.oggetto
      ? (await prisma.subject.findUnique({ where: { id: filters.oggetto }, select: { gestione: true } }))?.gestione
      : undefined);
  const areas = await prisma.subject.findMany({
    where: { parentId: null, ...(filters.gestione ? { gestione: filters.gestione } : {}) },
    orderBy: [{ gestione: "asc" }, { sortOrder: "asc" }, { label: "asc" }],
    select: {
      id: true,
      gestione: true,
      label: true,
      children: {
        where: { gestione: detailed ?? { in: [] } },
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: { id: true, label: true },
      },
    },
  });
  return areas.map((area) => ({
    label: `${gestioneLabels.get(area.gestione) ?? area.gestione} – ${area.label}`,
    options: [
      { value: area.id, label: `${area.label}: tutti gli oggetti` },
      ...area.children.map((subject) => ({ value: subject.id, label: subject.label })),
    ],
  }));
}

/**
 * The work queue of the operator's office (F20): filtered, searched, oldest
 * first unless asked otherwise, 25 a page; a page past the last one (an old
 * link, a hand-typed address) shows the last one. Invalid filters:
 * ValidationError with the parameter's message.
 */
export async function listOfficeQuesiti(operator: OperatorActor, rawFilters: unknown): Promise<OfficeQueue> {
  const filters = parseQuesitoInput(queueFiltersSchema, rawFilters, "Alcuni filtri non sono validi: correggerli.");
  const where = queueWhere(operator, filters);
  const direction = filters.ordine === "piu_recenti" ? "desc" : "asc";

  const [total, gestioneLabels] = await Promise.all([prisma.quesito.count({ where }), getGestioneLabels()]);
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filters.pagina, pageCount);
  const [quesiti, groups] = await Promise.all([
    prisma.quesito.findMany({
      where,
      orderBy: [{ receivedAt: direction }, { id: direction }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        state: true,
        receivedAt: true,
        assignee: { select: { givenName: true, familyName: true } },
        request: {
          select: {
            protocolNumber: true,
            position: { select: { gestione: true, matricola: true, denominazione: true } },
            holder: { select: { givenName: true, familyName: true, codiceFiscale: true } },
            subject: { select: { label: true, parent: { select: { label: true } } } },
          },
        },
      },
    }),
    subjectGroups(gestioneLabels, filters),
  ]);

  return {
    filters,
    total,
    page,
    pageCount,
    rows: quesiti.map(({ request, assignee, ...quesito }) => ({
      id: quesito.id,
      protocolNumber: request.protocolNumber,
      receivedAt: quesito.receivedAt,
      position: { ...request.position, gestioneLabel: gestioneLabels.get(request.position.gestione) ?? request.position.gestione },
      holder: { name: fullName(request.holder), codiceFiscale: request.holder.codiceFiscale },
      subject: { label: request.subject.label, areaLabel: request.subject.parent?.label ?? null },
      state: quesito.state,
      stateLabel: quesitoStateLabels[quesito.state],
      assigneeName: assignee ? fullName(assignee) : null,
    })),
    gestioni: [...gestioneLabels].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "it")),
    subjectGroups: groups,
  };
}
