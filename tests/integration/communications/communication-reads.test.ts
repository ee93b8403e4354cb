import { beforeEach, describe, expect, it } from "vitest";
import { countUnreadCommunications } from "@/server/communications/count-unread-communications";
import { listReceivedCommunications } from "@/server/communications/list-received-communications";
import { COMMUNICATION_PAGE_SIZE } from "@/server/communications/schemas";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { getRequest } from "@/server/requests/get-request";
import { createDelegation, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { statementsOf } from "../../support/statement-log";
import {
  createOfficeCommunication,
  createSentRequest,
  type SentRequest,
  withStorageAndReferenceData,
} from "../../support/request-fixtures";

const now = new Date("2026-11-20T10:00:00Z");
const later = new Date("2026-11-21T09:30:00Z");
withStorageAndReferenceData();

describe("read state of the office's communications", () => {
  let holder: SentRequest["holder"];
  let position: SentRequest["position"];
  let operator: OperatorActor;
  let communication: Awaited<ReturnType<typeof createOfficeCommunication>>;
  let intermediary: Awaited<ReturnType<typeof createPerson>>;

  const firstReadSeenByOffice = async () => (await getQuesito(operator, communication.quesito!.id, "/fascicolo/quesiti")).communication;

  beforeEach(async () => {
    ({ holder, position, operator } = await createSentRequest({ at: now }));
    communication = await createOfficeCommunication({ operator, position, at: now });
    intermediary = await createPerson("Intermediario");
    await createDelegation({ holderId: holder.id, delegateId: intermediary.id, positionIds: [position.id] });
  });

  it("is unread for everyone until opened, and the office sees it so", async () => {
    expect(await firstReadSeenByOffice()).toMatchObject({ firstRead: null });
    expect(await countUnreadCommunications(contributorActor(holder), now)).toEqual({ total: 1, perHolder: [], otherHolders: 0 });
    expect(await countUnreadCommunications(contributorActor(intermediary, "INTERMEDIARIO"), now)).toMatchObject({
      total: 1,
      perHolder: [{ holderId: holder.id, count: 1 }],
    });
  });

  it("names to an intermediary the clients with the most unread, at most ten, and counts the others", async () => {
    // Twelve more clients of the intermediary, the n-th with n unread communications.
    for (let n = 1; n <= 12; n += 1) {
      const client = await createPerson(`Cliente${n}`);
      const clientPosition = await createPosition(client.id, position.officeId, "AZIENDE");
      await createDelegation({ holderId: client.id, delegateId: intermediary.id, positionIds: [clientPosition.id] });
      for (let sent = 0; sent < n; sent += 1) await createOfficeCommunication({ operator, position: clientPosition, at: now });
    }
    const unread = await countUnreadCommunications(contributorActor(intermediary, "INTERMEDIARIO"), now);
    expect(unread.total).toBe(1 + (12 * 13) / 2);
    expect(unread.perHolder.map((holder) => holder.count)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(unread.perHolder[0]?.holderName).toMatch(/^Cliente12 /);
    // Not named: Cliente1, Cliente2 and the first client, with one or two each.
    expect(unread.otherHolders).toBe(3);
  });

  it("opening it marks it read for that person only; someone else's reading does not mark it for you", async () => {
    await getRequest(contributorActor(intermediary, "INTERMEDIARIO"), communication.id, now);

    expect(await countUnreadCommunications(contributorActor(intermediary, "INTERMEDIARIO"), now)).toEqual({
      total: 0,
      perHolder: [],
      otherHolders: 0,
    });
    expect(await countUnreadCommunications(contributorActor(holder), now)).toEqual({ total: 1, perHolder: [], otherHolders: 0 });
    expect(await firstReadSeenByOffice()).toMatchObject({
      firstRead: {
        readAt: now,
        readerName: `${intermediary.givenName} ${intermediary.familyName}`,
        profileLabel: "Intermediario per i clienti deleganti",
      },
    });

    await getRequest(contributorActor(holder), communication.id, later);
    expect(await countUnreadCommunications(contributorActor(holder), later)).toEqual({ total: 0, perHolder: [], otherHolders: 0 });
    const reads = await prisma.communicationRead.findMany({ where: { requestId: communication.id }, orderBy: { readAt: "asc" } });
    expect(reads.map((read) => [read.personId, read.actingProfile, read.readAt])).toEqual([
      [intermediary.id, "INTERMEDIARIO", now],
      [holder.id, "TITOLARE", later],
    ]);
    // The office still sees the first reading.
    expect((await firstReadSeenByOffice())?.firstRead?.readAt).toEqual(now);
  });

  it("keeps the first read time when opened again, and writes nothing then", async () => {
    await getRequest(contributorActor(holder), communication.id, now);
    const { statements } = await statementsOf(() => getRequest(contributorActor(holder), communication.id, later));

    expect(statements.filter((sql) => !/^(\/\* prepared \*\/\s+)?SELECT\b/.test(sql))).toEqual([]);

    const reads = await prisma.communicationRead.findMany({ where: { requestId: communication.id } });
    expect(reads.map((read) => read.readAt)).toEqual([now]);
  });

  it("someone else's communication is not found, and opening it records nothing", async () => {
    const stranger = await createPerson("Estraneo");
    await createPosition(stranger.id, operator.office.id);

    await expect(getRequest(contributorActor(stranger), communication.id, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await countUnreadCommunications(contributorActor(stranger), now)).toEqual({ total: 0, perHolder: [], otherHolders: 0 });
    expect(await prisma.communicationRead.count({ where: { requestId: communication.id } })).toBe(0);
  });

  it("a delegate whose delegation ended no longer sees it, read or not", async () => {
    const former = await createPerson("Ex intermediario");
    await createDelegation({
      holderId: holder.id,
      delegateId: former.id,
      positionIds: [position.id],
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validTo: new Date("2026-11-21T00:00:00Z"),
    });
    await getRequest(contributorActor(former, "INTERMEDIARIO"), communication.id, now);

    await expect(getRequest(contributorActor(former, "INTERMEDIARIO"), communication.id, later)).rejects.toBeInstanceOf(NotFoundError);
    expect(await countUnreadCommunications(contributorActor(former, "INTERMEDIARIO"), later)).toEqual({
      total: 0,
      perHolder: [],
      otherHolders: 0,
    });
    expect(await prisma.communicationRead.count({ where: { requestId: communication.id, personId: former.id } })).toBe(1);
  });

  it("a contributor's own request has no read state", async () => {
    const { holder: sender, requestId, operator: office } = await createSentRequest({ at: now });
    await getRequest(contributorActor(sender), requestId, now);

    expect(await prisma.communicationRead.count({ where: { requestId } })).toBe(0);
    const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId } });
    expect((await getQuesito(office, quesito.id, "/fascicolo/quesiti")).communication).toBeNull();
  });

  it("Comunicazioni ricevute lists them per person as da leggere or lette, never the contributor's own requests", async () => {
    const second = await createOfficeCommunication({ operator, position, at: later, text: "Seconda comunicazione della sede." });
    await getRequest(contributorActor(holder), communication.id, later);
    const ids = async (lettura?: string, actor = contributorActor(holder)) =>
      (await listReceivedCommunications(actor, lettura ? { lettura } : {}, later)).rows.map((row) => row.id);

    expect(await ids()).toEqual([second.id, communication.id]);
    expect(await ids("da-leggere")).toEqual([second.id]);
    expect(await ids("lette")).toEqual([communication.id]);
    expect(await ids("da-leggere", contributorActor(intermediary, "INTERMEDIARIO"))).toEqual([second.id, communication.id]);
    const page = await listReceivedCommunications(contributorActor(holder), {}, later);
    expect(page.rows[1]).toMatchObject({
      readAt: later,
      office: { name: operator.office.name },
      position: { matricola: position.matricola },
    });
    expect(page.nextCursor).toBeNull();
    expect((await listReceivedCommunications(contributorActor(await createPerson("Estraneo")), {}, later)).rows).toEqual([]);
  });

  it("Comunicazioni ricevute of one position: only its own, with the read filter too; someone else's position shows nothing", async () => {
    const other = await createPosition(holder.id, operator.office.id);
    const onOther = await createOfficeCommunication({ operator, position: other, at: later, text: "Comunicazione sull'altra posizione." });
    const stranger = await createPerson("Estraneo");
    const strangers = await createPosition(stranger.id, operator.office.id);
    await createOfficeCommunication({ operator, position: strangers, at: later, text: "Comunicazione a un altro contribuente." });
    const ids = async (query: Record<string, string>) =>
      (await listReceivedCommunications(contributorActor(holder), query, later)).rows.map((row) => row.id);

    expect(await ids({})).toEqual([onOther.id, communication.id]);
    expect(await ids({ posizione: position.id })).toEqual([communication.id]);
    expect(await ids({ posizione: other.id, lettura: "da-leggere" })).toEqual([onOther.id]);
    expect(await ids({ posizione: other.id, lettura: "lette" })).toEqual([]);
    expect(await ids({ posizione: strangers.id })).toEqual([]);
    // A malformed position is no filter at all.
    expect(await ids({ posizione: "1234567890" })).toEqual([onOther.id, communication.id]);
  });

  it("pages Comunicazioni ricevute by keyset without losing or repeating one, ties on the instant included", async () => {
    const { subjectId } = await prisma.request.findUniqueOrThrow({ where: { id: communication.id }, select: { subjectId: true } });
    // 2 × COMMUNICATION_PAGE_SIZE more, in pairs sharing their instant, all before the first.
    await prisma.request.createMany({
      data: Array.from({ length: 2 * COMMUNICATION_PAGE_SIZE }, (_, index) => ({
        direction: "DALLA_SEDE" as const,
        positionId: position.id,
        subjectId,
        holderId: holder.id,
        text: `Comunicazione ${index}`,
        protocolNumber: `INPS.PAGE.${communication.id}.${index}`,
        createdAt: new Date(now.getTime() - (1 + Math.floor(index / 2)) * 60_000),
      })),
    });
    const expected = (
      await prisma.request.findMany({
        where: { positionId: position.id, direction: "DALLA_SEDE" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((row) => row.id);
    const seen: string[] = [];
    let dopo: string | undefined;
    do {
      const page = await listReceivedCommunications(contributorActor(holder), dopo ? { dopo } : {}, later);
      seen.push(...page.rows.map((row) => row.id));
      dopo = page.nextCursor ?? undefined;
    } while (dopo);
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(2 * COMMUNICATION_PAGE_SIZE + 1);
  });
});
