import "server-only";
import { snippetParts, SNIPPET_START, SNIPPET_STOP, type SnippetPart } from "@/lib/text-snippet";
import { actablePositionsWhere } from "@/server/access/position-access";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import type { Actor, ContributorActor } from "@/server/identity/actor";
import { NO_USEFUL_TERMS } from "./schemas";

/**
 * A text search reads the newest this-many-plus-one matches, no more, and
 * its total says "più di" beyond (decisions 0041, 0048): every match of a
 * frequent word is too many to read — at 1M requests, the newest 10,001
 * matches of "rimborsi" for an intermediary took 800 ms, the newest 1,001
 * 62 ms. A search narrows with more words, not with page 400.
 */
export const SEARCH_CANDIDATE_CAP = 1_000;

/*
 * Italian full-text search over requests (decision 0035). Request carries two
 * documents written by triggers (migration request_full_text_search):
 * `searchVector`, what the contributor and the office both read (subject A,
 * text and public messages B, their file names C), and
 * `internalSearchVector`, the internal notes and their files, which only the
 * office holding the quesito may search. The configuration `portal_italian`
 * is PostgreSQL's Italian with accents folded (unaccent) before stemming.
 */

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

/**
 * Whether the search has a word the index can look up: not only stop words
 * or punctuation (an empty query), nor only excluded words (which would read
 * every request).
 */
export async function hasUsefulTerms(term: string): Promise<boolean> {
  const [query] = await prisma.$queryRaw<{ tree: string }[]>`
    SELECT querytree(websearch_to_tsquery('portal_italian', ${term})) AS tree`;
  return Boolean(query && query.tree !== "" && query.tree !== "T");
}

/** The positions a contributor may act on now (actablePositionsWhere), for the search's own SQL. */
export async function actablePositionIds(actor: ContributorActor, now: Date): Promise<string[]> {
  const positions = await prisma.position.findMany({ where: actablePositionsWhere(actor, now), select: { id: true } });
  return positions.map((position) => position.id);
}

/** A term without a useful word: ValidationError at `field`. */
export async function requireUsefulTerms(term: string, field: string): Promise<void> {
  if (!(await hasUsefulTerms(term))) {
    throw new ValidationError({ [field]: [NO_USEFUL_TERMS] }, "La ricerca non contiene parole utili: correggerla.");
  }
}

/**
 * The snippet of each request of a page where `term` was found: the words
 * found marked, in what the actor may read (internal notes for the office
 * only). `ids` are of requests already within the actor's reach.
 */
export async function requestSnippets(actor: Actor, ids: string[], term: string | undefined): Promise<Map<string, SnippetPart[]>> {
  if (!term || ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ id: string; headline: string }[]>`
    SELECT r.id, ts_headline('portal_italian', request_search_text(r.id, ${actor.kind === "operator"}), q, ${HEADLINE_OPTIONS}) AS headline
    FROM "Request" r, websearch_to_tsquery('portal_italian', ${term}) q
    WHERE r.id = ANY(${ids}::uuid[])`;
  // A request found by its protocol or codice fiscale (the queue's search) has no word to show.
  return new Map(rows.map((row) => [row.id, snippetParts(row.headline)] as const).filter(([, parts]) => parts.some((part) => part.marked)));
}
