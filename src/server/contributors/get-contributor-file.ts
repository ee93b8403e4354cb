import "server-only";
import type { Gestione } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { CONTRIBUTOR_NOT_FOUND, openableContributorsWhere } from "@/server/access/contributor-access";
import { recordAccess } from "@/server/audit/record-access";
import { prisma } from "@/server/db/client";
import { decodeKeysetCursor, encodeKeysetCursor, isDateValue } from "@/server/db/keyset";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import { NotFoundError, type FieldErrors } from "@/server/errors/domain-errors";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { contributorCodiceFiscale, TIMELINE_PAGE_SIZE, timelineFilterFields, timelineFiltersSchema, type TimelineFilters } from "./schemas";
import { timelineSources, type TimelineItem } from "./timeline-sources";

export type ContributorPosition = {
  id: string;
  gestione: Gestione;
  gestioneLabel: string;
  matricola: string;
  denominazione: string;
  province: string;
  office: { name: string; code: string };
  /** Under the operator's office's competence. */
  ownOffice: boolean;
};

export type ContributorFile = {
  person: { codiceFiscale: string; name: string };
  positions: ContributorPosition[];
  /** The filters applied: the valid ones of those asked. */
  filters: TimelineFilters;
  /** The filters refused, with their message: left out of the timeline. */
  errors: FieldErrors;
  /** Newest first, one page. */
  items: TimelineItem[];
  /** Cursor for the `dopo` parameter; null on the last page. */
  nextCursor: string | null;
};

const POSITION_NOT_OFFERED = "Scegliere una posizione tra quelle proposte.";

/**
 * The valid filters, and a message for each refused one (the page shows it
 * and the rest applies): each field is parsed once on its own, then the
 * rules across fields (the period's order) once over the valid ones, and a
 * field they refuse is left out too.
 */
function parseFilters(raw: Record<string, string | string[]>): { filters: TimelineFilters; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const valid: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(timelineFilterFields.shape)) {
    const parsed = field.safeParse(raw[name]);
    if (parsed.success) valid[name] = parsed.data;
    else errors[name] = [...new Set(parsed.error.issues.map((issue) => issue.message))];
  }
  const together = timelineFiltersSchema.safeParse(valid);
  if (together.success) return { filters: together.data, errors };
  const refused = fieldErrorsOf(together.error);
  Object.assign(errors, refused);
  return { filters: Object.fromEntries(Object.entries(valid).filter(([name]) => !refused[name])) as TimelineFilters, errors };
}

/** The file's address as viewed: its valid filters and timeline page (`dopo`), never what was refused. */
function pageViewed(page: string, filters: TimelineFilters): string {
  const query = new URLSearchParams();
  for (const kind of filters.tipo ?? []) query.append("tipo", kind);
  for (const name of ["posizione", "dal", "al", "dopo"] as const) {
    const value = filters[name];
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return search ? `${page}?${search}` : page;
}

const byNewest = (a: TimelineItem, b: TimelineItem) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The electronic file of a contributor (F23): the person, their positions,
 * and one timeline of everything about them, newest first, by kind,
 * position and period, 20 a page by keyset. Each kind is read by its own
 * source from the cursor on (each by an index on its person, position or
 * request and its timestamp) and the reads are merged here.
 *
 * Open to an operator whose office is competent for one of the person's
 * positions or has one of their quesiti; anyone else gets NotFoundError,
 * whether the person exists or not. Every opening, granted or refused, is
 * written to the access log, with the page it was made from (`page`, the
 * file's path) and, when granted, the filters and timeline page viewed.
 */
export async function getContributorFile(
  operator: OperatorActor,
  rawCodiceFiscale: string,
  rawFilters: Record<string, string | string[]>,
  page: string,
): Promise<ContributorFile> {
  const codiceFiscale = contributorCodiceFiscale.safeParse(rawCodiceFiscale);
  const person = codiceFiscale.success
    ? await prisma.person.findFirst({
        where: { codiceFiscale: codiceFiscale.data, ...openableContributorsWhere(operator) },
        select: {
          id: true,
          codiceFiscale: true,
          givenName: true,
          familyName: true,
          positions: {
            orderBy: [{ gestione: "asc" }, { matricola: "asc" }],
            select: {
              id: true,
              gestione: true,
              matricola: true,
              denominazione: true,
              province: true,
              officeId: true,
              office: { select: { name: true, code: true } },
            },
          },
        },
      })
    : null;
  if (!person) {
    // What was asked, kept to the characters a codice fiscale has: the log never stores arbitrary input.
    const asked = rawCodiceFiscale
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")
      .slice(0, 16);
    await recordAccess(operator, {
      action: "FASCICOLO_CONTRIBUENTE_NEGATO",
      targetType: "CONTRIBUENTE",
      targetId: asked,
      ...(codiceFiscale.success ? { codiceFiscale: codiceFiscale.data } : {}),
      page,
      granted: false,
    });
    throw new NotFoundError(CONTRIBUTOR_NOT_FOUND);
  }
  const { filters, errors } = parseFilters(rawFilters);
  await recordAccess(operator, {
    action: "FASCICOLO_CONTRIBUENTE_APERTO",
    targetType: "CONTRIBUENTE",
    targetId: person.id,
    codiceFiscale: person.codiceFiscale,
    page: pageViewed(page, filters),
    granted: true,
  });

  const gestioneLabels = await getGestioneLabels();
  const position = filters.posizione ? (person.positions.find((candidate) => candidate.id === filters.posizione) ?? null) : null;
  if (filters.posizione && !position) {
    errors.posizione = [POSITION_NOT_OFFERED];
    delete filters.posizione;
  }
  const after = decodeKeysetCursor(filters.dopo, isDateValue);
  const context = {
    operator,
    personId: person.id,
    positionIds: person.positions.map((candidate) => candidate.id),
    position,
    period: { from: filters.dal ? romeDayStart(filters.dal) : undefined, to: filters.al ? romeDayEnd(filters.al) : undefined },
    after,
    take: TIMELINE_PAGE_SIZE + 1,
    gestioneLabels,
  };
  const sources = timelineSources.filter((source) => !filters.tipo || filters.tipo.includes(source.kind));
  const found = (await Promise.all(sources.map((source) => source.read(context)))).flat().sort(byNewest);
  const items = found.slice(0, TIMELINE_PAGE_SIZE);
  const last = items.at(-1);

  return {
    person: { codiceFiscale: person.codiceFiscale, name: fullName(person) },
    positions: person.positions.map(({ officeId, ...candidate }) => ({
      ...candidate,
      gestioneLabel: gestioneLabels.get(candidate.gestione) ?? candidate.gestione,
      ownOffice: officeId === operator.office.id,
    })),
    filters,
    errors,
    items,
    nextCursor: found.length > TIMELINE_PAGE_SIZE && last ? encodeKeysetCursor(last.at.toISOString(), last.id) : null,
  };
}
