import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isUuid, likeLiteral } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { officePositionsWhere } from "@/server/access/position-access";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { OFFICE_POSITION_NOT_FOUND } from "./create-communication";
import { positionSearchSchema } from "./schemas";

/** At most this many positions answer a search: the operator narrows it down. */
export const POSITION_SEARCH_LIMIT = 20;

const CODICE_FISCALE = /^[A-Z0-9]{16}$/;

export type OfficePositionOption = {
  id: string;
  matricola: string;
  denominazione: string;
  gestioneLabel: string;
  holder: { name: string; codiceFiscale: string };
};

export type NewCommunicationForm = {
  /** The search as typed, or absent. */
  q: string | undefined;
  /** The positions matching the search (none without one). */
  matches: OfficePositionOption[];
  /** The chosen position, with the subjects of its gestione and its file limits. */
  chosen:
    | (OfficePositionOption & {
        subjects: { label: string; options: { value: string; label: string }[] }[];
        limits: { maxFiles: number; maxBytesPerFile: number };
      })
    | null;
};

const positionSelect = {
  id: true,
  gestione: true,
  matricola: true,
  denominazione: true,
  holder: { select: { givenName: true, familyName: true, codiceFiscale: true } },
} satisfies Prisma.PositionSelect;
type PositionRow = Prisma.PositionGetPayload<{ select: typeof positionSelect }>;

/**
 * What "Nuova comunicazione" shows (F22): the positions under the office's
 * competence that match the search — a whole codice fiscale, the start of a
 * matricola, or part of the position's or holder's name — and, once one is
 * chosen (`positionId`), its gestione's subject tree and file limits. A
 * position outside the office's competence is not found.
 */
export async function getNewCommunicationForm(
  operator: OperatorActor,
  input: { q?: unknown; positionId?: unknown },
): Promise<NewCommunicationForm> {
  const { q } = parseInput(positionSearchSchema, { q: input.q });
  const labels = await getGestioneLabels();
  const option = (row: PositionRow): OfficePositionOption => ({
    id: row.id,
    matricola: row.matricola,
    denominazione: row.denominazione,
    gestioneLabel: labels.get(row.gestione) ?? row.gestione,
    holder: { name: fullName(row.holder), codiceFiscale: row.holder.codiceFiscale },
  });

  const term = q?.toUpperCase();
  const matches = term
    ? await prisma.position.findMany({
        where: {
          AND: [
            officePositionsWhere(operator),
            CODICE_FISCALE.test(term)
              ? { holder: { codiceFiscale: term } }
              : {
                  OR: [
                    { matricola: { startsWith: likeLiteral(term) } },
                    { denominazione: { contains: likeLiteral(term), mode: "insensitive" } },
                    { holder: { familyName: { contains: likeLiteral(term), mode: "insensitive" } } },
                  ],
                },
          ],
        },
        orderBy: [{ denominazione: "asc" }, { matricola: "asc" }],
        take: POSITION_SEARCH_LIMIT,
        select: positionSelect,
      })
    : [];

  let chosen: NewCommunicationForm["chosen"] = null;
  if (input.positionId !== undefined) {
    const position = isUuid(input.positionId)
      ? await prisma.position.findFirst({
          where: { AND: [{ id: String(input.positionId) }, officePositionsWhere(operator)] },
          select: positionSelect,
        })
      : null;
    if (!position) throw new NotFoundError(OFFICE_POSITION_NOT_FOUND);
    const [areas, settings] = await Promise.all([
      prisma.subject.findMany({
        where: { gestione: position.gestione, parentId: null, active: true },
        orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
        select: {
          label: true,
          children: { where: { active: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true } },
        },
      }),
      prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: position.gestione } }),
    ]);
    chosen = {
      ...option(position),
      subjects: areas
        .filter((area) => area.children.length > 0)
        .map((area) => ({ label: area.label, options: area.children.map((subject) => ({ value: subject.id, label: subject.label })) })),
      limits: { maxFiles: settings.maxFiles, maxBytesPerFile: settings.maxBytesPerFile },
    };
  }
  return { q, matches: matches.map(option), chosen };
}
