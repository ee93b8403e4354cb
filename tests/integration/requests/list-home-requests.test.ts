import { beforeAll, describe, expect, it } from "vitest";
import type { QuesitoState } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { HOME_REQUESTS_SHOWN, listHomeRequests, type HomeRequest } from "@/server/requests/list-home-requests";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createQuesito } from "../../support/quesito-fixtures";
import { statementsOf } from "../../support/statement-log";

const now = new Date("2026-11-20T12:00:00Z");
const ids = (rows: HomeRequest[]) => rows.map((row) => row.id);

describe("listHomeRequests", () => {
  let holder: Awaited<ReturnType<typeof createPerson>>;
  let officeId: string;
  let positionId: string;
  /** Requests of the holder by state, each list the most recently active first. */
  const byState: Record<QuesitoState, string[]> = { NUOVO: [], IN_LAVORAZIONE: [], IN_ATTESA_CONTRIBUENTE: [], CHIUSO: [] };

  beforeAll(async () => {
    officeId = (await createOffice()).id;
    holder = await createPerson("Titolare");
    positionId = (await createPosition(holder.id, officeId, "GS_PROFESSIONISTI")).id;
    const states: QuesitoState[] = [
      ...Array.from({ length: HOME_REQUESTS_SHOWN + 1 }, () => "NUOVO" as const),
      "IN_LAVORAZIONE",
      "IN_ATTESA_CONTRIBUENTE",
      "CHIUSO",
    ];
    for (const [index, state] of states.entries()) {
      const receivedAt = new Date(Date.UTC(2026, 9, 1 + index));
      const { request, quesito } = await createQuesito({ officeId, holder, positionId, receivedAt });
      await prisma.quesito.update({ where: { id: quesito.id }, data: { state } });
      byState[state].unshift(request.id);
    }
    // Someone else's request, waiting for its own holder.
    const stranger = await createPerson("Estraneo");
    const { quesito } = await createQuesito({ officeId, holder: stranger });
    await prisma.quesito.update({ where: { id: quesito.id }, data: { state: "IN_ATTESA_CONTRIBUENTE" } });
  });

  it("puts first the requests waiting for the contributor, and nobody else's", async () => {
    const { awaiting } = await listHomeRequests(contributorActor(holder), now);
    expect(ids(awaiting)).toEqual(byState.IN_ATTESA_CONTRIBUENTE);
    expect(awaiting[0]).toMatchObject({ awaitingContributor: true, state: "IN_CARICO" });
  });

  it("shows an intermediary their clients' requests while the delegation is in force, and none after", async () => {
    const intermediary = await createPerson("Intermediario");
    await createDelegation({
      holderId: holder.id,
      delegateId: intermediary.id,
      positionIds: [positionId],
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validTo: new Date("2026-12-01T00:00:00Z"),
    });
    const asIntermediary = (at: Date) => listHomeRequests(contributorActor(intermediary, "INTERMEDIARIO"), at);

    const during = await asIntermediary(now);
    expect(ids(during.awaiting)).toEqual(byState.IN_ATTESA_CONTRIBUENTE);
    expect(ids(during.open)).toEqual([...byState.IN_LAVORAZIONE, ...byState.NUOVO].slice(0, HOME_REQUESTS_SHOWN));
    expect(await asIntermediary(new Date("2026-12-02T00:00:00Z"))).toEqual({ awaiting: [], open: [] });
    // As a holder of nothing, they see nothing.
    expect(await listHomeRequests(contributorActor(intermediary), now)).toEqual({ awaiting: [], open: [] });
  });

  it("shows a few other open requests, the most recently active first, never closed ones", async () => {
    const { open } = await listHomeRequests(contributorActor(holder), now);
    const expected = [...byState.IN_LAVORAZIONE, ...byState.NUOVO].slice(0, HOME_REQUESTS_SHOWN);
    expect(ids(open)).toEqual(expected);
    expect(open.some((row) => row.awaitingContributor)).toBe(false);
  });

  it("names each request's position by gestione and matricola, with its latest visible activity", async () => {
    const [first] = (await listHomeRequests(contributorActor(holder), now)).open;
    const position = await prisma.position.findUniqueOrThrow({ where: { id: positionId } });
    expect(first?.position).toEqual({ id: positionId, label: expect.stringContaining(`matricola ${position.matricola}`) as string });
    expect(first?.latestActivity?.label).toEqual(expect.any(String));
  });

  it("reads both lists in one statement, each chosen by the request's copy of the quesito's state, without joining the quesiti", async () => {
    const { statements } = await statementsOf(() => listHomeRequests(contributorActor(holder), now));
    // The gestioni's labels, then both lists with their rows' relations, the access rule in each (decision 0057).
    expect(statements).toHaveLength(2);
    const home = statements.find((sql) => sql.startsWith("/* prepared */")) ?? "";
    const lists = home.match(/\(SELECT r\.id, .*?ORDER BY r\."lastActivityAt" DESC, r\.id DESC LIMIT \$\d+\)/gs) ?? [];
    expect(lists).toHaveLength(2);
    for (const sql of lists) {
      // The request's own quesitoState chooses; Quesito is read only for the rows shown (their state and esito).
      expect(sql).toMatch(
        /r\."positionId" IN \(SELECT t1\.id FROM "Position" t1 .* AND r\."quesitoState" = ANY\(\$\d+::"QuesitoState"\[\]\)/s,
      );
      expect(sql).not.toContain('"Quesito"');
    }
  });
});
