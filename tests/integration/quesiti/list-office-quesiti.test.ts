import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { listOfficeQuesiti } from "@/server/quesiti/list-office-quesiti";
import { listQueueFilterChoices } from "@/server/quesiti/list-queue-filter-choices";
import { QUEUE_PAGE_SIZE } from "@/server/quesiti/schemas";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { createQuesito, createSubjectTree, operatorActor } from "../../support/quesito-fixtures";
import { statementsOf } from "../../support/statement-log";

/**
 * One office with a known set of quesiti, and one other office whose quesito
 * must never show up.
 */
describe("listOfficeQuesiti", () => {
  let operator: OperatorActor;
  let colleague: OperatorActor;
  const ids: Record<string, string> = {};
  const protocols: Record<string, string> = {};
  let holder: { id: string; codiceFiscale: string };
  let intermediary: { id: string; codiceFiscale: string };
  let artigianiMatricola: string;
  let areaId: string;
  let subjectId: string;
  let otherArea: string;
  let otherSubject: string;

  beforeAll(async () => {
    const officeId = (await createOffice()).id;
    operator = await operatorActor(officeId);
    colleague = await operatorActor(officeId);
    holder = await createPerson("Titolare");
    intermediary = await createPerson("Intermediario");
    const trees = await createSubjectTree("AZIENDE");
    areaId = trees.area.id;
    subjectId = trees.subject.id;
    const otherTree = await createSubjectTree("ARTIGIANI_COMMERCIANTI");
    otherArea = otherTree.area.id;
    otherSubject = otherTree.subject.id;
    const aziende = await createPosition(holder.id, officeId, "AZIENDE");
    const artigiani = await createPosition(holder.id, officeId, "ARTIGIANI_COMMERCIANTI");
    artigianiMatricola = artigiani.matricola;

    const make = async (key: string, receivedAt: string, extra: Partial<Parameters<typeof createQuesito>[0]> = {}) => {
      const created = await createQuesito({
        officeId,
        holder,
        positionId: aziende.id,
        subjectId,
        receivedAt: new Date(receivedAt),
        ...extra,
      });
      ids[key] = created.quesito.id;
      protocols[key] = created.request.protocolNumber;
    };
    await make("old", "2026-01-10T09:00:00Z");
    await make("mine", "2026-02-10T09:00:00Z");
    await make("colleague", "2026-03-10T09:00:00Z");
    await make("artigiani", "2026-04-10T09:00:00Z", { positionId: artigiani.id, subjectId: otherSubject });
    await make("byIntermediary", "2026-05-10T09:00:00Z", { submitter: intermediary });
    await make("closed", "2026-06-10T09:00:00Z");

    const idOf = (key: string) => ids[key] ?? "";
    await prisma.quesito.update({ where: { id: idOf("mine") }, data: { state: "IN_LAVORAZIONE", assigneeId: operator.operatorId } });
    await prisma.quesito.update({
      where: { id: idOf("colleague") },
      data: { state: "IN_ATTESA_CONTRIBUENTE", assigneeId: colleague.operatorId },
    });
    await prisma.quesito.update({
      where: { id: idOf("closed") },
      data: { state: "CHIUSO", esito: "ACCOLTA", assigneeId: operator.operatorId },
    });
    await prisma.quesito.update({ where: { id: idOf("artigiani") }, data: { smartTask: true } });
    // Due dates around the clock of the test: one past, one within the warning days, two later; byIntermediary has none.
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
    const dueDates = { old: inDays(-1), mine: inDays(0.5), colleague: inDays(30), artigiani: inDays(60) };
    for (const [key, dueAt] of Object.entries(dueDates)) await prisma.quesito.update({ where: { id: idOf(key) }, data: { dueAt } });

    const elsewhere = (await createOffice()).id;
    await createQuesito({ officeId: elsewhere, holder, subjectId, receivedAt: new Date("2026-01-01T09:00:00Z") });
  });

  const keysOf = async (filters: Record<string, string>, as = () => operator) => {
    const queue = await listOfficeQuesiti(as(), filters);
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return queue.rows.map((row) => byId.get(row.id) ?? `unknown:${row.id}`);
  };

  it("lists the office's open quesiti, oldest first, and nothing of other offices", async () => {
    expect(await keysOf({})).toEqual(["old", "mine", "colleague", "artigiani", "byIntermediary"]);
  });

  it("orders newest first on request", async () => {
    expect(await keysOf({ ordine: "piu_recenti" })).toEqual(["byIntermediary", "artigiani", "colleague", "mine", "old"]);
  });

  it("filters by state", async () => {
    expect(await keysOf({ stato: "chiuso" })).toEqual(["closed"]);
    expect(await keysOf({ stato: "in_attesa" })).toEqual(["colleague"]);
    expect(await keysOf({ stato: "nuovo" })).toEqual(["old", "artigiani", "byIntermediary"]);
    expect(await keysOf({ stato: "tutti" })).toHaveLength(6);
  });

  it("filters by assignee: mine, unassigned", async () => {
    expect(await keysOf({ assegnazione: "miei", stato: "tutti" })).toEqual(["mine", "closed"]);
    expect(await keysOf({ assegnazione: "liberi" })).toEqual(["old", "artigiani", "byIntermediary"]);
    expect(await keysOf({ assegnazione: "miei" }, () => colleague)).toEqual(["colleague"]);
  });

  it("filters by gestione and by area or subject", async () => {
    expect(await keysOf({ gestione: "ARTIGIANI_COMMERCIANTI" })).toEqual(["artigiani"]);
    expect(await keysOf({ oggetto: areaId })).toEqual(["old", "mine", "colleague", "byIntermediary"]);
    expect(await keysOf({ oggetto: subjectId, stato: "tutti" })).toEqual(["old", "mine", "colleague", "byIntermediary", "closed"]);
    expect(await keysOf({ gestione: "AZIENDE", assegnazione: "liberi" })).toEqual(["old", "byIntermediary"]);
    expect(await keysOf({ gestione: "AZIENDE", oggetto: areaId, assegnazione: "miei", stato: "tutti" })).toEqual(["mine", "closed"]);
    expect(await keysOf({ gestione: "AZIENDE", oggetto: otherArea })).toEqual([]);
  });

  it("filters by kind: Smart-Task or ordinary", async () => {
    expect(await keysOf({ tipo: "smart_task" })).toEqual(["artigiani"]);
    expect(await keysOf({ tipo: "ordinari", stato: "tutti" })).toEqual(["old", "mine", "colleague", "byIntermediary", "closed"]);
  });

  it("filters by due date and orders by it, the waiting ones outside the due-date filters (their clock stands still)", async () => {
    expect(await keysOf({ scadenza: "scaduti" })).toEqual(["old"]);
    expect(await keysOf({ scadenza: "in_scadenza" })).toEqual(["mine"]);
    expect(await keysOf({ scadenza: "scaduti", stato: "in_attesa" })).toEqual([]);
    // Only the quesiti with a due date, in every open state.
    expect(await keysOf({ ordine: "scadenza" })).toEqual(["old", "mine", "colleague", "artigiani"]);
    expect(await keysOf({ ordine: "scadenza", assegnazione: "liberi" })).toEqual(["old", "artigiani"]);
  });

  it("a search keeps every other filter: the searched statement applies them as the browsed queue does", async () => {
    const filterSets: Record<string, string>[] = [
      { stato: "tutti" },
      { stato: "aperti" },
      { stato: "tutti", assegnazione: "miei" },
      { assegnazione: "liberi" },
      { gestione: "ARTIGIANI_COMMERCIANTI", stato: "tutti" },
      { oggetto: areaId, stato: "tutti" },
      { dal: "2026-02-10", al: "2026-04-10" },
      { gestione: "AZIENDE", oggetto: areaId, assegnazione: "miei", stato: "tutti" },
      { scadenza: "scaduti" },
      { scadenza: "in_scadenza" },
      { tipo: "smart_task", stato: "tutti" },
      { tipo: "ordinari" },
    ];
    for (const filters of filterSets) {
      const browsed = await keysOf({ ...filters, ordine: "meno_recenti" });
      expect(await keysOf({ ...filters, cerca: holder.codiceFiscale, ordine: "meno_recenti" }), JSON.stringify(filters)).toEqual(browsed);
    }
    // By due date: only quesiti with one, in both.
    expect(await keysOf({ cerca: holder.codiceFiscale, ordine: "scadenza" })).toEqual(["old", "mine", "colleague", "artigiani"]);
  });

  it("filters by received date, on the calendar of Rome, both ends included", async () => {
    expect(await keysOf({ dal: "2026-02-10", al: "2026-04-10" })).toEqual(["mine", "colleague", "artigiani"]);
    expect(await keysOf({ dal: "2026-05-01" })).toEqual(["byIntermediary"]);
  });

  it("searches by protocol number, codice fiscale of holder or submitter, and matricola", async () => {
    expect(await keysOf({ cerca: protocols.mine ?? "" })).toEqual(["mine"]);
    expect(await keysOf({ cerca: (protocols.colleague ?? "").split(".").at(-1) ?? "" })).toEqual(["colleague"]);
    expect(await keysOf({ cerca: intermediary.codiceFiscale.toLowerCase() })).toEqual(["byIntermediary"]);
    // By relevance, the default with a search: equal ranks newest first.
    expect(await keysOf({ cerca: holder.codiceFiscale })).toEqual(["byIntermediary", "artigiani", "colleague", "mine", "old"]);
    expect(await keysOf({ cerca: holder.codiceFiscale, ordine: "meno_recenti" })).toEqual([
      "old",
      "mine",
      "colleague",
      "artigiani",
      "byIntermediary",
    ]);
    expect(await keysOf({ cerca: artigianiMatricola })).toEqual(["artigiani"]);
    expect(await keysOf({ cerca: "NESSUNO" })).toEqual([]);
    // Wildcards and the escape character of LIKE are searched as typed.
    for (const cerca of ["%", "_", "\\", "INPS.%"]) expect(await keysOf({ cerca })).toEqual([]);
  });

  it("gives each row what the table shows", async () => {
    const queue = await listOfficeQuesiti(operator, { cerca: protocols.colleague ?? "" });
    expect(queue.total).toEqual({ count: 1, more: false });
    expect(queue.rows[0]).toMatchObject({
      protocolNumber: protocols.colleague,
      receivedAt: new Date("2026-03-10T09:00:00Z"),
      position: { gestione: "AZIENDE" },
      holder: { codiceFiscale: holder.codiceFiscale },
      subject: { areaLabel: expect.any(String), label: expect.any(String) },
      state: "IN_ATTESA_CONTRIBUENTE",
      stateLabel: "In attesa del contribuente",
      assigneeName: colleague.displayName,
    });
    const choices = await listQueueFilterChoices(operator, queue.filters);
    expect(choices.subjectGroups.flatMap((group) => group.options.map((option) => option.value))).toContain(areaId);
  });

  it("reads a page's details in one statement, every relation joined, browsed or searched", async () => {
    const browsed = await statementsOf(() => listOfficeQuesiti(operator, {}));
    const searched = await statementsOf(() => listOfficeQuesiti(operator, { cerca: holder.codiceFiscale }));

    expect(browsed.result.rows.map((row) => row.assigneeName)).toEqual([null, operator.displayName, colleague.displayName, null, null]);
    expect(searched.result.rows).toHaveLength(5);
    // The gestioni's labels, the page (one branch per open state), its details: the queue fits one page, so no count.
    expect(browsed.statements).toHaveLength(3);
    expect(browsed.statements[1]?.match(/UNION ALL/g)).toHaveLength(2);
    expect(browsed.statements.some((sql) => sql.includes("COUNT("))).toBe(false);
    expect(browsed.result.total).toEqual({ count: 5, more: false });
    // The labels; the term as a codice fiscale, a matricola, words; the page with the count; the details; the snippets.
    expect(searched.statements).toHaveLength(7);
    // The details: one hand-written statement, prepared, the access rule within it (decision 0057).
    for (const { statements } of [browsed, searched]) {
      expect(
        statements.filter((sql) => /^\/\* prepared \*\/\s+SELECT json_build_object\(.*= ANY\(\$1::uuid\[\]\) AND /s.test(sql)),
      ).toHaveLength(1);
    }
  });

  it("offers every area, and the single subjects of the chosen gestione (or of the chosen subject) only", async () => {
    const groupsFor = async (filters: Record<string, string>) =>
      (await listQueueFilterChoices(operator, (await listOfficeQuesiti(operator, filters)).filters)).subjectGroups;
    const offered = async (filters: Record<string, string>) =>
      (await groupsFor(filters)).flatMap((group) => group.options.map((option) => option.value));
    const unfiltered = await offered({});
    // Without a gestione chosen, one group per gestione, its areas as options.
    const groups = await groupsFor({});
    expect(new Set(groups.map((group) => group.label)).size).toBe(groups.length);
    expect(groups.flatMap((group) => group.options).every((option) => option.label.endsWith(": tutti gli oggetti"))).toBe(true);
    expect(unfiltered).toEqual(expect.arrayContaining([areaId, otherArea]));
    expect(unfiltered).not.toContain(subjectId);
    expect(unfiltered).not.toContain(otherSubject);

    const aziende = await offered({ gestione: "AZIENDE" });
    expect(aziende).toEqual(expect.arrayContaining([areaId, subjectId]));
    expect(aziende).not.toContain(otherArea);
    expect(aziende).not.toContain(otherSubject);

    // A chosen subject stays offered (a link, a bookmark) without a gestione chosen.
    const chosen = await offered({ oggetto: otherSubject, stato: "tutti" });
    expect(chosen).toEqual(expect.arrayContaining([areaId, otherArea, otherSubject]));
    expect(chosen).not.toContain(subjectId);
  });

  it("refuses invalid filters with the field's message", async () => {
    await expect(listOfficeQuesiti(operator, { stato: "perso" })).rejects.toThrow(ValidationError);
    try {
      await listOfficeQuesiti(operator, { dal: "2026-05-01", al: "2026-04-01" });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual({ al: ["La data finale non può precedere quella iniziale."] });
    }
  });

  it("an operator of another office sees none of these", async () => {
    const stranger = await operatorActor((await createOffice()).id);
    const queue = await listOfficeQuesiti(stranger, { stato: "tutti" });
    expect(queue.rows).toEqual([]);
    expect(queue.total).toEqual({ count: 0, more: false });
  });
});

describe("listOfficeQuesiti search by a whole protocol number", () => {
  it("finds that number only, not a longer one that begins with it; a part of it finds both", async () => {
    const officeId = (await createOffice()).id;
    const operator = await operatorActor(officeId);
    const wanted = await createQuesito({ officeId, receivedAt: new Date("2026-03-01T09:00:00Z") });
    const longer = await createQuesito({ officeId, receivedAt: new Date("2026-03-02T09:00:00Z") });
    // An eighth digit, as the progressive gets after ten million numbers in a year.
    await prisma.request.update({ where: { id: longer.request.id }, data: { protocolNumber: `${wanted.request.protocolNumber}0` } });
    const found = async (cerca: string) => (await listOfficeQuesiti(operator, { cerca, stato: "tutti" })).rows.map((row) => row.id);

    expect(await found(wanted.request.protocolNumber)).toEqual([wanted.quesito.id]);
    expect(await found(`${wanted.request.protocolNumber}0`)).toEqual([longer.quesito.id]);
    expect(await found(wanted.request.protocolNumber.slice(1))).toEqual([longer.quesito.id, wanted.quesito.id]);
  });
});

describe("listOfficeQuesiti pagination", () => {
  it("pages by 25 with keyset cursors, forward and back, with the total count", async () => {
    const officeId = (await createOffice()).id;
    const operator = await operatorActor(officeId);
    const holder = await createPerson();
    const { subject } = await createSubjectTree();
    const position = await createPosition(holder.id, officeId);
    const start = Date.parse("2026-01-01T08:00:00Z");
    const openStates = ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"] as const;
    const created: { id: string; receivedAt: Date }[] = [];
    for (let index = 0; index < QUEUE_PAGE_SIZE + 3; index++) {
      // Pairs share their instant: ties on receivedAt are cut by id.
      const receivedAt = new Date(start + Math.floor(index / 2) * 60_000);
      const { quesito } = await createQuesito({ officeId, holder, positionId: position.id, subjectId: subject.id, receivedAt });
      // The states alternate, so that a page and its ties mix the three branches of the read.
      await prisma.quesito.update({
        where: { id: quesito.id },
        data: { state: openStates[index % 3], dueAt: new Date(receivedAt.getTime() + 30 * 24 * 60 * 60 * 1000) },
      });
      created.push(quesito);
    }
    // The order expected: by reception, then by id (lowercase uuids: their text's order is the uuids' order).
    const expected = created
      .toSorted((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((quesito) => quesito.id);
    const first = await statementsOf(() => listOfficeQuesiti(operator, {})).then(({ result, statements }) => {
      // More than a page: counted, after the page.
      expect(statements.filter((sql) => sql.includes("COUNT("))).toHaveLength(1);
      return result;
    });
    expect(first).toMatchObject({ total: { count: 28, more: false }, previousCursor: null });
    expect(first.rows).toHaveLength(25);
    const second = await listOfficeQuesiti(operator, { dopo: first.nextCursor });
    expect(second.rows).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    const all = [...first.rows, ...second.rows];
    expect(all.map((row) => row.id)).toEqual(expected);
    const back = await listOfficeQuesiti(operator, { prima: second.previousCursor });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.previousCursor).toBeNull();

    const newest = await listOfficeQuesiti(operator, { ordine: "piu_recenti" });
    const newestNext = await listOfficeQuesiti(operator, { ordine: "piu_recenti", dopo: newest.nextCursor });
    expect([...newest.rows, ...newestNext.rows].map((row) => row.id)).toEqual(expected.toReversed());
    const newestBack = await listOfficeQuesiti(operator, { ordine: "piu_recenti", prima: newestNext.previousCursor });
    expect(newestBack.rows.map((row) => row.id)).toEqual(newest.rows.map((row) => row.id));

    // By due date (here in the order of reception, ties alike), forward and back.
    const byDue = await listOfficeQuesiti(operator, { ordine: "scadenza" });
    const byDueNext = await listOfficeQuesiti(operator, { ordine: "scadenza", dopo: byDue.nextCursor });
    expect([...byDue.rows, ...byDueNext.rows].map((row) => row.id)).toEqual(expected);
    const byDueBack = await listOfficeQuesiti(operator, { ordine: "scadenza", prima: byDueNext.previousCursor });
    expect(byDueBack.rows.map((row) => row.id)).toEqual(byDue.rows.map((row) => row.id));
  }, 120_000);

  it("shows the first page for a damaged cursor", async () => {
    const officeId = (await createOffice()).id;
    const operator = await operatorActor(officeId);
    const { quesito } = await createQuesito({ officeId });
    // Not a date; a date PostgreSQL cannot hold (it never reaches the query).
    for (const value of ["non una data", "-200000-01-01T00:00:00.000Z"]) {
      const damaged = Buffer.from(JSON.stringify({ value, id: quesito.id })).toString("base64url");
      const queue = await listOfficeQuesiti(operator, { dopo: damaged });
      expect(queue).toMatchObject({ total: { count: 1, more: false }, previousCursor: null, nextCursor: null });
      expect(queue.rows.map((row) => row.id)).toEqual([quesito.id]);
    }
  });
});
