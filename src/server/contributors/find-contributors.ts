import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { likeLiteral } from "@/lib/form-fields";
import { fullName } from "@/lib/full-name";
import { openableContributorsArms } from "@/server/access/contributor-access";
import { officePositionsWhere } from "@/server/access/position-access";
import { prisma } from "@/server/db/client";
import { parseInput } from "@/server/errors/parse-input";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { OperatorActor } from "@/server/identity/actor";
import { CONTRIBUTOR_RESULTS_MAX, contributorSearchSchema, CONTRIBUTOR_SEARCH_MIN_LENGTH } from "./schemas";

export type ContributorMatch = {
  codiceFiscale: string;
  name: string;
  /** The person's positions under the office's competence. */
  positions: { gestioneLabel: string; matricola: string }[];
};

export type ContributorSearchResult = {
  /** The term searched, as given; absent before a search. */
  term?: string;
  people: ContributorMatch[];
  /** More people match than are shown: the term should be narrowed. */
  more: boolean;
};

/** How many requests a part of a protocol may name before their holders are looked up. */
const PROTOCOL_MATCHES_MAX = 200;

/**
 * The term's arms as conditions on Person's own columns, each from an index:
 * the codice fiscale (unique), the matricola's holders (indexed matricola),
 * the holders of requests whose protocol holds the term (trigrams), every
 * word of a name in the given or family name (trigrams). Words shorter than
 * the trigram, or with digits, are left out of a name; a part of a protocol
 * needs a digit.
 */
async function matchingWhere(term: string): Promise<Prisma.PersonWhereInput> {
  const upper = term.toUpperCase();
  const [positions, requests] = await Promise.all([
    prisma.position.findMany({ where: { matricola: term }, select: { holderId: true } }),
    /\d/.test(term)
      ? prisma.request.findMany({
          where: { protocolNumber: { contains: likeLiteral(upper), mode: "insensitive" } },
          select: { holderId: true },
          take: PROTOCOL_MATCHES_MAX,
        })
      : [],
  ]);
  // Words of a name are letters (and apostrophes, hyphens): a codice fiscale or a protocol adds no name arm, so the
  // planner sees the few people they match and probes the office's requests by holder instead of reading them all.
  const words = term.split(/\s+/).filter((word) => word.length >= CONTRIBUTOR_SEARCH_MIN_LENGTH && /^[\p{L}'’-]+$/u.test(word));
  const contains = (word: string) => ({ contains: likeLiteral(word), mode: "insensitive" as const });
  return {
    OR: [
      { codiceFiscale: upper },
      { id: { in: [...new Set([...positions, ...requests].map((row) => row.holderId))] } },
      ...(words.length > 0
        ? [{ AND: words.map((word) => ({ OR: [{ familyName: contains(word) }, { givenName: contains(word) }] })) }]
        : []),
    ],
  };
}

/**
 * The people an operator may open whose codice fiscale, matricola, name or
 * protocol number matches the term (F23), by name, at most 20: beyond that
 * the term should be narrowed. Nobody outside the office's reach is listed.
 * A term too short or too long: ValidationError with its message.
 */
export async function findContributors(operator: OperatorActor, rawSearch: unknown): Promise<ContributorSearchResult> {
  const { cerca: term } = parseInput(contributorSearchSchema, rawSearch, (errors) => errors.cerca?.[0]);
  if (!term) return { people: [], more: false };
  const matching = await matchingWhere(term);
  const [competent, queued] = openableContributorsArms(operator);
  const read = (where: Prisma.PersonWhereInput) =>
    prisma.person.findMany({
      where,
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
      take: CONTRIBUTOR_RESULTS_MAX + 1,
      select: {
        id: true,
        codiceFiscale: true,
        givenName: true,
        familyName: true,
        positions: { where: officePositionsWhere(operator), orderBy: { matricola: "asc" }, select: { gestione: true, matricola: true } },
      },
    });
  // One read per way of being the office's, each a semi-join PostgreSQL can
  // start from the people matched; merged by name here. Competence is decided
  // from the people's positions first: only those without a competent one
  // have their requests probed for a quesito of the office (decision 0041).
  const [arms, gestioneLabels] = await Promise.all([
    Promise.all([read({ AND: [competent, matching] }), read({ AND: [matching, { NOT: competent }, queued] })]),
    getGestioneLabels(),
  ]);
  const people = [...new Map(arms.flat().map((person) => [person.id, person])).values()].sort(
    (a, b) =>
      a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    term,
    more: people.length > CONTRIBUTOR_RESULTS_MAX,
    people: people.slice(0, CONTRIBUTOR_RESULTS_MAX).map((person) => ({
      codiceFiscale: person.codiceFiscale,
      name: fullName(person),
      positions: person.positions.map((position) => ({
        gestioneLabel: gestioneLabels.get(position.gestione) ?? position.gestione,
        matricola: position.matricola,
      })),
    })),
  };
}
