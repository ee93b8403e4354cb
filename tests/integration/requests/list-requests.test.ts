import { beforeAll, describe, expect, it } from "vitest";
import type { QuesitoState, RequestDirection } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { encodeKeysetCursor } from "@/server/db/keyset";
import { ValidationError } from "@/server/errors/domain-errors";
import { listRequestSubjects } from "@/server/requests/list-request-subjects";
import { listRequests, type RequestListPage } from "@/server/requests/list-requests";
import { TOTAL_CAP } from "@/lib/capped-total";
import { SEARCH_CANDIDATE_CAP } from "@/server/search/text-search";
import { REQUEST_PAGE_SIZE } from "@/server/requests/schemas";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createSubjectTree } from "../../support/quesito-fixtures";
import { statementsOf } from "../../support/statement-log";

const now = new Date("2026-11-20T12:00:00Z");

let sequence = 0;

/**
 * Requests with their quesiti, written in bulk (the way a big history would
 * be). A communication of the office (DALLA_SEDE) has no submitter, and no
 * quesito when `state` is null.
 */
async function bulkRequests(input: {
  count: number;
  positionId: string;
  holderId: string;
  subjectId: string;
  officeId: string;
  /** Opening time of the i-th request. */
  openedAt: (index: number) => Date;
  /** Last activity of the i-th request; defaults to its opening. */
  lastActivityAt?: (index: number) => Date;
  state?: QuesitoState | null;
  direction?: RequestDirection;
}) {
  const fromOffice = input.direction === "DALLA_SEDE";
  const requests = await prisma.request.createManyAndReturn({
    data: Array.from({ length: input.count }, (_, index) => {
      sequence += 1;
      return {
        direction: input.direction,
        positionId: input.positionId,
        subjectId: input.subjectId,
        holderId: input.holderId,
        submittedById: fromOffice ? null : input.holderId,
        actingProfile: fromOffice ? null : ("TITOLARE" as const),
        text: `Richiesta di prova numero ${sequence}`,
        protocolNumber: `INPS.TEST.${String(sequence).padStart(7, "0")}`,
        createdAt: input.openedAt(index),
        lastActivityAt: (input.lastActivityAt ?? input.openedAt)(index),
      };
    }),
    select: { id: true },
  });
  const state = input.state === undefined ? "NUOVO" : input.state;
  if (state) {
    const { gestione } = await prisma.position.findUniqueOrThrow({ where: { id: input.positionId }, select: { gestione: true } });
    await prisma.quesito.createMany({
      data: requests.map((request) => ({ requestId: request.id, officeId: input.officeId, gestione, subjectId: input.subjectId, state })),
    });
  }
  return requests.map((request) => request.id);
}

const ids = (page: RequestListPage) => page.rows.map((row) => row.id);

describe("listRequests", () => {
  let officeId: string;
  let holder: Awaited<ReturnType<typeof createPerson>>;
  let aziende: Awaited<ReturnType<typeof createPosition>>;
  let artigiani: Awaited<ReturnType<typeof createPosition>>;
  let aziendeTree: Awaited<ReturnType<typeof createSubjectTree>>;
  let artigianiTree: Awaited<ReturnType<typeof createSubjectTree>>;
  const day = (iso: string) => new Date(iso);

  beforeAll(async () => {
    officeId = (await createOffice()).id;
    holder = await createPerson("Titolare");
    aziende = await createPosition(holder.id, officeId, "AZIENDE");
    artigiani = await createPosition(holder.id, officeId, "ARTIGIANI_COMMERCIANTI");
    aziendeTree = await createSubjectTree("AZIENDE");
    artigianiTree = await createSubjectTree("ARTIGIANI_COMMERCIANTI");
  });

  describe("access and filters", () => {
    let open: string;
    let taken: string;
    let closed: string;
    let otherPerson: string;
    let stranger: Awaited<ReturnType<typeof createPerson>>;

    beforeAll(async () => {
      const common = { holderId: holder.id, officeId, count: 1 };
      [open] = (await bulkRequests({
        ...common,
        positionId: aziende.id,
        subjectId: aziendeTree.subject.id,
        // 00:30 in Rome on 1 March is still 28 February in UTC.
        openedAt: () => day("2026-02-28T23:30:00Z"),
        lastActivityAt: () => day("2026-03-10T10:00:00Z"),
      })) as [string];
      [taken] = (await bulkRequests({
        ...common,
        positionId: aziende.id,
        subjectId: aziendeTree.subject.id,
        openedAt: () => day("2026-03-05T10:00:00Z"),
        lastActivityAt: () => day("2026-04-01T10:00:00Z"),
        state: "IN_ATTESA_CONTRIBUENTE",
      })) as [string];
      [closed] = (await bulkRequests({
        ...common,
        positionId: artigiani.id,
        subjectId: artigianiTree.subject.id,
        openedAt: () => day("2026-03-31T21:59:00Z"),
        state: "CHIUSO",
      })) as [string];
      stranger = await createPerson("Estraneo");
      const strangerPosition = await createPosition(stranger.id, officeId, "AZIENDE");
      [otherPerson] = (await bulkRequests({
        count: 1,
        holderId: stranger.id,
        officeId,
        positionId: strangerPosition.id,
        subjectId: aziendeTree.subject.id,
        openedAt: () => day("2026-03-05T10:00:00Z"),
      })) as [string];
    });

    it("shows a holder their requests and nobody else's", async () => {
      const { result: page, statements } = await statementsOf(() => listRequests(contributorActor(holder), {}, now));
      expect(new Set(ids(page))).toEqual(new Set([open, taken, closed]));
      // A list that fits its first page is its own total: not counted again.
      expect(page.total).toEqual({ count: 3, more: false });
      expect(statements.some((sql) => sql.includes("COUNT("))).toBe(false);
      expect((await listRequests(contributorActor(stranger), {}, now)).rows.map((row) => row.id)).toEqual([otherPerson]);
    });

    it("shows an intermediary the requests of every client with an effective delegation, and only those", async () => {
      const intermediary = await createPerson("Intermediario");
      await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [aziende.id] });
      await createDelegation({
        holderId: stranger.id,
        delegateId: intermediary.id,
        positionIds: [(await prisma.position.findFirstOrThrow({ where: { holderId: stranger.id } })).id],
        validTo: new Date("2026-06-30T00:00:00Z"),
      });

      const page = await listRequests(contributorActor(intermediary, "INTERMEDIARIO"), {}, now);

      // The artigiani position is not in the delegation; the stranger's delegation has ended.
      expect(new Set(ids(page))).toEqual(new Set([open, taken]));
      expect(page.rows[0]?.position.holderName).toContain("Titolare");
      const before = await listRequests(contributorActor(intermediary, "INTERMEDIARIO"), {}, new Date("2026-06-01T00:00:00Z"));
      expect(new Set(ids(before))).toEqual(new Set([open, taken, otherPerson]));
    });

    it("filters an intermediary's clients by name words, where % and _ match only themselves", async () => {
      const intermediary = await createPerson("Intermediario");
      await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [aziende.id] });
      const byClient = async (cliente: string) =>
        new Set(ids(await listRequests(contributorActor(intermediary, "INTERMEDIARIO"), { cliente }, now)));

      expect(await byClient(holder.familyName.toLowerCase())).toEqual(new Set([open, taken]));
      for (const cliente of ["%", "_", "\\", "Titol%"]) expect(await byClient(cliente)).toEqual(new Set());
    });

    it("drops control characters from the filters instead of failing the list (?cliente=a%00b)", async () => {
      const intermediary = await createPerson("Intermediario");
      await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [aziende.id] });
      const actor = contributorActor(intermediary, "INTERMEDIARIO");
      const family = holder.familyName;
      const query = Object.fromEntries(
        new URLSearchParams(`cliente=${encodeURIComponent(family.slice(0, 2))}%00${encodeURIComponent(family.slice(2))}`),
      );

      expect(new Set(ids(await listRequests(actor, query, now)))).toEqual(new Set([open, taken]));
      expect(ids(await listRequests(actor, { cliente: "\u0000", matricola: "\u0000\u001B" }, now))).toHaveLength(
        (await listRequests(actor, {}, now)).rows.length,
      );
    });

    it("shows the first page for a hand-edited cursor the database could not take", async () => {
      const first = ids(await listRequests(contributorActor(holder), { ordina: "protocollo" }, now));
      for (const cursor of [
        { value: "INPS\u0000", id: open },
        { value: "INPS", id: "non-un-id" },
      ]) {
        const dopo = Buffer.from(JSON.stringify(cursor)).toString("base64url");
        expect(ids(await listRequests(contributorActor(holder), { ordina: "protocollo", dopo }, now))).toEqual(first);
      }
    });

    it("filters by matricola, whatever the case typed", async () => {
      const page = await listRequests(contributorActor(holder), { matricola: ` ${artigiani.matricola.toLowerCase()} ` }, now);
      expect(ids(page)).toEqual([closed]);
    });

    it("tells apart two positions of one person that share a matricola, by position id", async () => {
      const giulia = await createPerson("Professionista");
      const professionisti = await createPosition(giulia.id, officeId, "GS_PROFESSIONISTI");
      const committenti = await prisma.position.update({
        where: { id: (await createPosition(giulia.id, officeId, "GS_COMMITTENTI")).id },
        data: { matricola: professionisti.matricola },
      });
      const common = {
        holderId: giulia.id,
        officeId,
        count: 1,
        subjectId: aziendeTree.subject.id,
        openedAt: () => day("2026-03-05T10:00:00Z"),
      };
      const [asProfessional] = (await bulkRequests({ ...common, positionId: professionisti.id })) as [string];
      const [asClient] = (await bulkRequests({ ...common, positionId: committenti.id })) as [string];
      const list = async (query: Record<string, string>) => new Set(ids(await listRequests(contributorActor(giulia), query, now)));

      expect(await list({ matricola: professionisti.matricola })).toEqual(new Set([asProfessional, asClient]));
      expect(await list({ posizione: professionisti.id })).toEqual(new Set([asProfessional]));
      expect(await list({ posizione: committenti.id })).toEqual(new Set([asClient]));
      // Someone else's position filters to nothing rather than showing its requests.
      expect(await list({ posizione: aziende.id })).toEqual(new Set());
      const refused = await listRequests(contributorActor(giulia), { posizione: "non-una-posizione" }, now).catch(
        (caught: unknown) => caught,
      );
      expect((refused as ValidationError).fieldErrors).toEqual({ posizione: ["Scegliere una posizione tra quelle proposte."] });
    });

    it("says which requests wait for the contributor's answer", async () => {
      const rows = (await listRequests(contributorActor(holder), {}, now)).rows;
      expect(rows.filter((row) => row.awaitingContributor).map((row) => row.id)).toEqual([taken]);
    });

    it("filters by subject, or by a whole area", async () => {
      expect(new Set(ids(await listRequests(contributorActor(holder), { oggetto: aziendeTree.subject.id }, now)))).toEqual(
        new Set([open, taken]),
      );
      expect(ids(await listRequests(contributorActor(holder), { oggetto: artigianiTree.area.id }, now))).toEqual([closed]);
    });

    it("filters by the state the contributor sees, derived from the quesito", async () => {
      const byState = async (stato: string) => ids(await listRequests(contributorActor(holder), { stato }, now));
      expect(await byState("aperta")).toEqual([open]);
      expect(await byState("in_carico")).toEqual([taken]);
      expect(await byState("chiusa")).toEqual([closed]);
      const row = (await listRequests(contributorActor(holder), { stato: "in_carico" }, now)).rows[0];
      expect(row).toMatchObject({ state: "IN_CARICO", stateLabel: "In carico" });
    });

    it("filters by opening day on the calendar of Rome, both ends included", async () => {
      const march = await listRequests(contributorActor(holder), { apertaDal: "2026-03-01", apertaAl: "2026-03-31" }, now);
      expect(new Set(ids(march))).toEqual(new Set([open, taken, closed]));
      const firstDay = await listRequests(contributorActor(holder), { apertaAl: "2026-03-01" }, now);
      expect(ids(firstDay)).toEqual([open]);
      const from = await listRequests(contributorActor(holder), { apertaDal: "2026-03-02" }, now);
      expect(new Set(ids(from))).toEqual(new Set([taken, closed]));
    });

    it("filters by last update", async () => {
      const april = await listRequests(contributorActor(holder), { aggiornataDal: "2026-04-01" }, now);
      expect(ids(april)).toEqual([taken]);
      const upTo = await listRequests(contributorActor(holder), { aggiornataAl: "2026-03-31" }, now);
      expect(new Set(ids(upTo))).toEqual(new Set([open, closed]));
    });

    it("lists an opening period in opening order, unless an update period bounds the last-update order", async () => {
      const list = (query: Record<string, string>) => listRequests(contributorActor(holder), query, now);
      const march = await list({ apertaDal: "2026-03-01", apertaAl: "2026-03-31", ordina: "aggiornamento", verso: "desc" });
      expect(march.query.ordina).toBe("apertura");
      expect(ids(march)).toEqual([closed, taken, open]);
      expect(ids(await list({ apertaDal: "2026-03-01", ordina: "aggiornamento", verso: "asc" }))).toEqual([open, taken, closed]);
      const updatedToo = await list({ apertaDal: "2026-03-01", aggiornataDal: "2026-03-01", ordina: "aggiornamento" });
      expect(updatedToo.query.ordina).toBe("aggiornamento");
      expect(ids(updatedToo)).toEqual([taken, closed, open]);
      expect(ids(await list({ apertaDal: "2026-03-01", ordina: "protocollo", verso: "desc" }))).toEqual([closed, taken, open]);
    });

    it("sorts by opening date, last update or protocol, both ways", async () => {
      const list = async (ordina: string, verso: string) => ids(await listRequests(contributorActor(holder), { ordina, verso }, now));
      expect(await list("apertura", "asc")).toEqual([open, taken, closed]);
      expect(await list("apertura", "desc")).toEqual([closed, taken, open]);
      expect(await list("aggiornamento", "desc")).toEqual([taken, closed, open]);
      expect(await list("protocollo", "asc")).toEqual([open, taken, closed]);
      expect(await list("protocollo", "desc")).toEqual([closed, taken, open]);
    });

    it("refuses invalid filters with a message per field", async () => {
      const attempt = listRequests(
        contributorActor(holder),
        { apertaDal: "2026-02-30", aggiornataDal: "2026-05-02", aggiornataAl: "2026-05-01", stato: "sospesa" },
        now,
      );
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      const error = (await attempt.catch((caught: unknown) => caught)) as ValidationError;
      expect(Object.keys(error.fieldErrors).sort()).toEqual(["aggiornataAl", "apertaDal", "stato"]);
    });

    it("offers the subjects of the actor's gestioni as filters", async () => {
      const groups = await listRequestSubjects(contributorActor(holder), now);
      const values = groups.flatMap((group) => group.options.map((option) => option.value));
      expect(values).toContain(aziendeTree.subject.id);
      expect(values).toContain(artigianiTree.subject.id);
      const strangerGroups = await listRequestSubjects(contributorActor(stranger), now);
      expect(strangerGroups.flatMap((group) => group.options.map((option) => option.value))).not.toContain(artigianiTree.subject.id);
    });
  });

  describe("communications from the office (F09)", () => {
    let client: Awaited<ReturnType<typeof createPerson>>;
    let delegated: Awaited<ReturnType<typeof createPosition>>;
    let sent: string;
    let received: string;
    let answered: string;
    let onOtherPosition: string;
    let strangers: string;

    beforeAll(async () => {
      client = await createPerson("Cliente");
      delegated = await createPosition(client.id, officeId, "AZIENDE");
      const other = await createPosition(client.id, officeId, "ARTIGIANI_COMMERCIANTI");
      const common = { holderId: client.id, officeId, count: 1, positionId: delegated.id, subjectId: aziendeTree.subject.id };
      /** One row, on the client's delegated position unless `changes` say otherwise, opened on that day of May. */
      const opened = async (dayOfMay: number, changes: Partial<Parameters<typeof bulkRequests>[0]> = {}) => {
        const [id] = await bulkRequests({ ...common, openedAt: () => day(`2026-05-0${dayOfMay}T10:00:00Z`), ...changes });
        return id as string;
      };
      const fromOffice = { direction: "DALLA_SEDE", state: null } as const;
      const stranger = await createPerson("Estraneo");
      sent = await opened(1);
      received = await opened(2, fromOffice);
      answered = await opened(3, { ...fromOffice, state: "IN_ATTESA_CONTRIBUENTE" });
      onOtherPosition = await opened(4, { ...fromOffice, positionId: other.id, subjectId: artigianiTree.subject.id });
      strangers = await opened(5, {
        ...fromOffice,
        holderId: stranger.id,
        positionId: (await createPosition(stranger.id, officeId, "AZIENDE")).id,
      });
    });

    /** A new intermediary of the client, for the delegated position only. */
    async function clientIntermediary() {
      const intermediary = await createPerson("Intermediario");
      const delegation = await createDelegation({ holderId: client.id, delegateId: intermediary.id, positionIds: [delegated.id] });
      return { actor: contributorActor(intermediary, "INTERMEDIARIO"), delegation };
    }

    it("lists them beside the requests, each with its kind and a state even without a quesito", async () => {
      const page = await listRequests(contributorActor(client), { ordina: "apertura", verso: "asc" }, now);

      expect(ids(page)).toEqual([sent, received, answered, onOtherPosition]);
      expect(page.rows.map((row) => [row.direction, row.directionLabel, row.state, row.stateLabel])).toEqual([
        ["DAL_CONTRIBUENTE", "Richiesta", "APERTA", "Aperta"],
        ["DALLA_SEDE", "Comunicazione della sede", "RICEVUTA", "Ricevuta"],
        ["DALLA_SEDE", "Comunicazione della sede", "IN_CARICO", "In carico"],
        ["DALLA_SEDE", "Comunicazione della sede", "RICEVUTA", "Ricevuta"],
      ]);
    });

    it("filters by kind: the requests sent, or the communications received", async () => {
      const byKind = async (tipo: string) =>
        ids(await listRequests(contributorActor(client), { tipo, ordina: "apertura", verso: "asc" }, now));
      expect(await byKind("comunicazioni")).toEqual([received, answered, onOtherPosition]);
      expect(await byKind("richieste")).toEqual([sent]);
      await expect(listRequests(contributorActor(client), { tipo: "avvisi" }, now)).rejects.toMatchObject({
        fieldErrors: { tipo: ["Scegliere un tipo tra quelli proposti."] },
      });
    });

    it("filters communications by state through their quesito, leaving out those that have none", async () => {
      const byState = async (stato: string) => ids(await listRequests(contributorActor(client), { stato }, now));
      expect(await byState("in_carico")).toEqual([answered]);
      expect(await byState("aperta")).toEqual([sent]);
      expect(await byState("chiusa")).toEqual([]);
    });

    it("shows an intermediary the communications of the delegated positions of their clients only", async () => {
      const { actor } = await clientIntermediary();

      const page = await listRequests(actor, { tipo: "comunicazioni" }, now);

      expect(new Set(ids(page))).toEqual(new Set([received, answered]));
      expect(ids(page)).not.toContain(onOtherPosition);
      expect(ids(page)).not.toContain(strangers);
    });

    it("hides them from an intermediary as soon as the delegation is revoked", async () => {
      const { actor, delegation } = await clientIntermediary();
      expect((await listRequests(actor, {}, now)).total).toEqual({ count: 3, more: false });

      await prisma.delegation.update({
        where: { id: delegation.id },
        data: { status: "REVOKED", revokedAt: now, revokedReason: "Fine del mandato" },
      });

      const after = await listRequests(actor, {}, now);
      expect(after.total).toEqual({ count: 0, more: false });
      expect(after.rows).toEqual([]);
    });
  });

  describe("pagination", () => {
    const total = 250;
    let person: Awaited<ReturnType<typeof createPerson>>;
    let expectedByUpdate: string[];

    beforeAll(async () => {
      person = await createPerson("Molte richieste");
      const position = await createPosition(person.id, officeId, "AZIENDE");
      const start = Date.parse("2025-01-01T08:00:00Z");
      // Pairs of requests share their last-activity instant, so that ties on the sort value occur.
      const created = await bulkRequests({
        count: total,
        positionId: position.id,
        holderId: person.id,
        subjectId: aziendeTree.subject.id,
        officeId,
        openedAt: (index) => new Date(start + index * 3_600_000),
        lastActivityAt: (index) => new Date(start + Math.floor(index / 2) * 7_200_000),
      });
      const rows = await prisma.request.findMany({
        where: { id: { in: created } },
        orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      expectedByUpdate = rows.map((row) => row.id);
    });

    it("walks every page forward and back without losing or repeating a row", async () => {
      const actor = contributorActor(person);
      const forward: string[] = [];
      let cursor: string | undefined;
      let page: RequestListPage;
      do {
        page = await listRequests(actor, cursor ? { dopo: cursor } : {}, now);
        expect(page.total).toEqual({ count: total, more: false });
        expect(page.rows).toHaveLength(Math.min(REQUEST_PAGE_SIZE, total - forward.length));
        expect(page.previousCursor === null).toBe(cursor === undefined);
        forward.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(forward).toEqual(expectedByUpdate);

      // Back from the last page through the "prima" cursors.
      const backward = ids(page);
      let previous = page.previousCursor;
      while (previous) {
        const before = await listRequests(actor, { prima: previous }, now);
        expect(before.rows).toHaveLength(REQUEST_PAGE_SIZE);
        expect(before.nextCursor).not.toBeNull();
        backward.unshift(...ids(before));
        previous = before.previousCursor;
      }
      expect(backward).toEqual(expectedByUpdate);
    });

    it("keeps pages ordered the other way too", async () => {
      const actor = contributorActor(person);
      const first = await listRequests(actor, { ordina: "aggiornamento", verso: "asc" }, now);
      const second = await listRequests(actor, { ordina: "aggiornamento", verso: "asc", dopo: first.nextCursor ?? "" }, now);
      const reversed = [...expectedByUpdate].reverse();
      expect([...ids(first), ...ids(second)]).toEqual(reversed.slice(0, 2 * REQUEST_PAGE_SIZE));
    });

    it("walks the pages of one kind among interleaved requests and communications", async () => {
      const mixed = await createPerson("Richieste e comunicazioni");
      const position = await createPosition(mixed.id, officeId, "AZIENDE");
      const start = Date.parse("2025-06-01T08:00:00Z");
      const common = { count: 30, positionId: position.id, holderId: mixed.id, subjectId: aziendeTree.subject.id, officeId };
      await bulkRequests({ ...common, openedAt: (index) => new Date(start + index * 7_200_000) });
      const communications = await bulkRequests({
        ...common,
        direction: "DALLA_SEDE",
        state: null,
        openedAt: (index) => new Date(start + index * 7_200_000 + 3_600_000),
      });
      const actor = contributorActor(mixed);
      const view = { tipo: "comunicazioni", ordina: "apertura", verso: "asc" };

      const first = await listRequests(actor, view, now);
      const second = await listRequests(actor, { ...view, dopo: first.nextCursor ?? "" }, now);
      const back = await listRequests(actor, { ...view, prima: second.previousCursor ?? "" }, now);

      expect(first.total).toEqual({ count: 30, more: false });
      expect([...ids(first), ...ids(second)]).toEqual(communications);
      expect(second.nextCursor).toBeNull();
      expect(ids(back)).toEqual(communications.slice(0, REQUEST_PAGE_SIZE));
    });

    it("reads a page's details in one statement, every relation joined, browsed or searched", async () => {
      const actor = contributorActor(person);
      const browsed = await statementsOf(() => listRequests(actor, {}, now));
      const searched = await statementsOf(() => listRequests(actor, { testo: "richiesta" }, now));

      expect(ids(browsed.result)).toEqual(expectedByUpdate.slice(0, REQUEST_PAGE_SIZE));
      expect(browsed.result.rows[0]?.position.holderName).toBe(`${person.givenName} ${person.familyName}`);
      expect(browsed.result.rows[0]?.subject.areaLabel).not.toBeNull();
      expect(searched.result.rows).toHaveLength(REQUEST_PAGE_SIZE);
      // The gestioni's labels, the page's ids, their count (more than a page), the page's details.
      expect(browsed.statements).toHaveLength(4);
      expect(browsed.statements.filter((sql) => sql.includes("COUNT("))).toHaveLength(1);
      // The labels; the term's words; the reach's positions and size; the page's ids with the count; the details; the snippets.
      expect(searched.statements).toHaveLength(7);
      // The details: one hand-written statement, prepared, the access rule within it (decision 0057).
      for (const { statements } of [browsed, searched]) {
        expect(
          statements.filter((sql) => /^\/\* prepared \*\/\s+SELECT json_build_object\(.*= ANY\(\$1::uuid\[\]\) AND /s.test(sql)),
        ).toHaveLength(1);
      }
    });

    it("shows the first page for a cursor it did not write", async () => {
      const page = await listRequests(contributorActor(person), { dopo: "non-un-cursore" }, now);
      expect(ids(page)).toEqual(expectedByUpdate.slice(0, REQUEST_PAGE_SIZE));
      expect(page.previousCursor).toBeNull();
      const overlong = await listRequests(contributorActor(person), { prima: "x".repeat(500) }, now);
      expect(ids(overlong)).toEqual(expectedByUpdate.slice(0, REQUEST_PAGE_SIZE));
      // A date PostgreSQL cannot hold never reaches the query.
      const outOfRange = encodeKeysetCursor("-200000-01-01T00:00:00.000Z", expectedByUpdate[0]!);
      expect(ids(await listRequests(contributorActor(person), { dopo: outOfRange }, now))).toEqual(
        expectedByUpdate.slice(0, REQUEST_PAGE_SIZE),
      );
    });
  });

  describe("total capped at 10.000 (decision 0023)", () => {
    it("counts exactly up to the cap, says more beyond it, and keeps every filter exact", async () => {
      const holder = await createPerson("Moltissime richieste");
      const position = await createPosition(holder.id, officeId, "AZIENDE");
      const other = await createPosition(holder.id, officeId, "AZIENDE");
      const common = { holderId: holder.id, subjectId: aziendeTree.subject.id, officeId };
      // TOTAL_CAP closed requests on one position, one minute apart from 1 March 2025 08:00 UTC, written in SQL (quick).
      await prisma.$executeRaw`
        INSERT INTO "Request" (id, "positionId", "subjectId", text, "submittedById", "actingProfile", "holderId",
                               "protocolNumber", "createdAt", "lastActivityAt")
        SELECT gen_random_uuid(), ${position.id}::uuid, ${aziendeTree.subject.id}::uuid, 'Richiesta ' || n, ${holder.id}::uuid,
               'TITOLARE', ${holder.id}::uuid, 'INPS.CAP.' || ${position.id} || '.' || n,
               timestamp '2025-03-01 08:00:00' + n * interval '1 minute', timestamp '2025-03-01 08:00:00' + n * interval '1 minute'
        FROM generate_series(0, ${TOTAL_CAP - 1}::int) AS n`;
      await prisma.$executeRaw`
        INSERT INTO "Quesito" (id, "requestId", "officeId", gestione, "subjectId", state, "receivedAt", "updatedAt")
        SELECT gen_random_uuid(), id, ${officeId}::uuid, 'AZIENDE', "subjectId", 'CHIUSO', "createdAt", "createdAt"
        FROM "Request" WHERE "positionId" = ${position.id}::uuid`;
      const actor = contributorActor(holder);

      expect((await listRequests(actor, {}, now)).total).toEqual({ count: TOTAL_CAP, more: false });

      const opened = await bulkRequests({
        ...common,
        count: 3,
        positionId: other.id,
        openedAt: (index) => new Date(Date.parse("2024-06-10T08:00:00Z") + index * 60_000),
      });
      const all = await listRequests(actor, {}, now);
      expect(all.total).toEqual({ count: TOTAL_CAP, more: true });
      expect(all.rows).toHaveLength(REQUEST_PAGE_SIZE);

      // Each filter still counts and lists exactly its rows.
      const exact = (page: RequestListPage) => ({ total: page.total, ids: new Set(ids(page)) });
      const expected = { total: { count: 3, more: false }, ids: new Set(opened) };
      expect(exact(await listRequests(actor, { stato: "aperta" }, now))).toEqual(expected);
      expect(exact(await listRequests(actor, { posizione: other.id }, now))).toEqual(expected);
      expect(exact(await listRequests(actor, { apertaDal: "2024-06-10", apertaAl: "2024-06-10" }, now))).toEqual(expected);
      expect(exact(await listRequests(actor, { aggiornataAl: "2024-12-31" }, now))).toEqual(expected);
      // 1 March 2025 in Rome (UTC+1): from 08:00 UTC to midnight, 900 minutes, 900 requests.
      expect((await listRequests(actor, { apertaDal: "2025-03-01", apertaAl: "2025-03-01" }, now)).total).toEqual({
        count: 900,
        more: false,
      });
      expect((await listRequests(actor, { stato: "chiusa" }, now)).total).toEqual({ count: TOTAL_CAP, more: false });
      expect((await listRequests(actor, { oggetto: aziendeTree.area.id }, now)).total).toEqual({ count: TOTAL_CAP, more: true });
      // A text search reads the newest SEARCH_CANDIDATE_CAP + 1 matches only (decision 0048).
      const searched = await listRequests(actor, { testo: "richiesta" }, now);
      expect(searched.total).toEqual({ count: SEARCH_CANDIDATE_CAP, more: true });
      expect(searched.rows).toHaveLength(REQUEST_PAGE_SIZE);
    }, 120_000);
  });
});
