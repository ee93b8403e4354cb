import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { exportRequestsCsv } from "@/server/requests/export-requests-csv";
import { listRequests } from "@/server/requests/list-requests";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createSubjectTree } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T12:00:00Z");
let sequence = 0;

async function sentRequest(position: { id: string; holderId: string }, subjectId: string, officeId: string) {
  sequence += 1;
  const request = await prisma.request.create({
    data: {
      positionId: position.id,
      subjectId,
      holderId: position.holderId,
      submittedById: position.holderId,
      actingProfile: "TITOLARE",
      text: "Richiesta di prova per l'esportazione.",
      protocolNumber: `INPS.TEST.EXP.${String(sequence).padStart(7, "0")}`,
      createdAt: new Date("2026-10-01T09:00:00Z"),
      lastActivityAt: new Date(`2026-10-${String(sequence).padStart(2, "0")}T09:00:00Z`),
      quesito: { create: { officeId } },
    },
  });
  return request.protocolNumber;
}

describe("intermediary inbox: client filter and CSV export", () => {
  let intermediary: Awaited<ReturnType<typeof createPerson>>;
  let clientA: Awaited<ReturnType<typeof createPerson>>;
  let clientB: Awaited<ReturnType<typeof createPerson>>;
  let stranger: Awaited<ReturnType<typeof createPerson>>;
  const protocols: Record<"a" | "b" | "stranger", string> = { a: "", b: "", stranger: "" };

  beforeAll(async () => {
    const office = await createOffice();
    const { subject } = await createSubjectTree("AZIENDE");
    intermediary = await createPerson("Intermediario");
    clientA = await prisma.person.update({
      where: { id: (await createPerson()).id },
      data: { givenName: "Anna", familyName: "Verdi" },
    });
    clientB = await createPerson("Bruno");
    stranger = await createPerson("Estraneo");
    const positionA = await createPosition(clientA.id, office.id);
    // A name a spreadsheet would run as a formula.
    const positionB = await prisma.position.update({
      where: { id: (await createPosition(clientB.id, office.id)).id },
      data: { denominazione: '=HYPERLINK("http://evil.example.com","Apri")' },
    });
    const positionStranger = await createPosition(stranger.id, office.id);
    await createDelegation({ holderId: clientA.id, delegateId: intermediary.id, positionIds: [positionA.id] });
    await createDelegation({ holderId: clientB.id, delegateId: intermediary.id, positionIds: [positionB.id] });
    protocols.a = await sentRequest(positionA, subject.id, office.id);
    protocols.b = await sentRequest(positionB, subject.id, office.id);
    protocols.stranger = await sentRequest(positionStranger, subject.id, office.id);
  });

  it("exports every client's requests the intermediary may see, and nothing else", async () => {
    const csv = await exportRequestsCsv(contributorActor(intermediary, "INTERMEDIARIO"), {}, now);

    expect(csv.startsWith("\uFEFFProtocollo;Aperta il;Ultimo aggiornamento;Cliente;Codice fiscale cliente;")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(csv).toContain(protocols.a);
    expect(csv).toContain(protocols.b);
    expect(csv).not.toContain(protocols.stranger);
    expect(csv).toContain(`Anna Verdi;${clientA.codiceFiscale}`);
  });

  it("neutralises a value a spreadsheet would run as a formula", async () => {
    const csv = await exportRequestsCsv(contributorActor(intermediary, "INTERMEDIARIO"), {}, now);

    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example.com"",""Apri"")"`);
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });

  it("filters by client, by codice fiscale or by the words of the name, in the list and in the export", async () => {
    const actor = contributorActor(intermediary, "INTERMEDIARIO");

    const byCf = await listRequests(actor, { cliente: clientA.codiceFiscale.toLowerCase() }, now);
    const byName = await listRequests(actor, { cliente: "verdi anna" }, now);
    const csv = await exportRequestsCsv(actor, { cliente: "Verdi" }, now);

    expect(byCf.rows.map((row) => row.protocolNumber)).toEqual([protocols.a]);
    expect(byName.rows.map((row) => row.protocolNumber)).toEqual([protocols.a]);
    expect(csv).toContain(protocols.a);
    expect(csv).not.toContain(protocols.b);
  });

  it("gives a contributor only their own requests, even when naming someone else as client", async () => {
    const csv = await exportRequestsCsv(contributorActor(stranger, "TITOLARE"), { cliente: clientA.codiceFiscale }, now);
    const own = await exportRequestsCsv(contributorActor(stranger, "TITOLARE"), {}, now);

    expect(csv.trim().split("\r\n")).toHaveLength(1);
    expect(own).toContain(protocols.stranger);
    expect(own).not.toContain(protocols.a);
  });

  it("refuses an invalid filter with a field message", async () => {
    await expect(
      exportRequestsCsv(contributorActor(intermediary, "INTERMEDIARIO"), { cliente: "x".repeat(61) }, now),
    ).rejects.toMatchObject({ fieldErrors: { cliente: ["Il cliente può contenere al massimo 60 caratteri."] } });
  });
});
