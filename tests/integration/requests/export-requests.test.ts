import { beforeAll, describe, expect, it } from "vitest";
import type { Gestione } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { exportRequestsCsv } from "@/server/requests/export-requests-csv";
import { listRequests } from "@/server/requests/list-requests";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createSubjectTree } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T12:00:00Z");
let sequence = 0;

/**
 * A request the holder sent, with its quesito at the office; or, `fromOffice`,
 * a communication the office started, without one.
 */
async function sentRequest(
  position: { id: string; holderId: string; gestione: Gestione },
  subjectId: string,
  officeId: string,
  fromOffice = false,
) {
  sequence += 1;
  const request = await prisma.request.create({
    data: {
      direction: fromOffice ? "DALLA_SEDE" : "DAL_CONTRIBUENTE",
      positionId: position.id,
      subjectId,
      holderId: position.holderId,
      ...(fromOffice
        ? {}
        : {
            submittedById: position.holderId,
            actingProfile: "TITOLARE",
            quesito: { create: { officeId, gestione: position.gestione, subjectId } },
          }),
      text: "Richiesta di prova per l'esportazione.",
      protocolNumber: `INPS.TEST.EXP.${String(sequence).padStart(7, "0")}`,
      createdAt: new Date("2026-10-01T09:00:00Z"),
      lastActivityAt: new Date(`2026-10-${String(sequence).padStart(2, "0")}T09:00:00Z`),
    },
  });
  return request.protocolNumber;
}

const lineOf = (csv: string, protocol: string) => csv.split("\r\n").find((line) => line.startsWith(protocol));

describe("intermediary inbox: client filter and CSV export", () => {
  let intermediary: Awaited<ReturnType<typeof createPerson>>;
  let clientA: Awaited<ReturnType<typeof createPerson>>;
  let clientB: Awaited<ReturnType<typeof createPerson>>;
  let stranger: Awaited<ReturnType<typeof createPerson>>;
  const protocols: Record<"a" | "b" | "stranger" | "communication" | "strangerCommunication", string> = {
    a: "",
    b: "",
    stranger: "",
    communication: "",
    strangerCommunication: "",
  };

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
    protocols.communication = await sentRequest(positionA, subject.id, office.id, true);
    protocols.strangerCommunication = await sentRequest(positionStranger, subject.id, office.id, true);
  });

  it("exports every client's requests and communications the intermediary may see, and nothing else", async () => {
    const csv = await exportRequestsCsv(contributorActor(intermediary, "INTERMEDIARIO"), {}, now);

    expect(csv.startsWith("\uFEFFProtocollo;Tipo;Aperta il;Ultimo aggiornamento;Cliente;Codice fiscale cliente;")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(csv).toContain(protocols.a);
    expect(csv).toContain(protocols.b);
    expect(csv).toContain(protocols.communication);
    expect(csv).not.toContain(protocols.stranger);
    expect(csv).not.toContain(protocols.strangerCommunication);
    expect(csv).toContain(`Anna Verdi;${clientA.codiceFiscale}`);
  });

  it("says of each row whether it is a request or a communication of the office, with its state", async () => {
    const csv = await exportRequestsCsv(contributorActor(intermediary, "INTERMEDIARIO"), {}, now);

    expect(lineOf(csv, protocols.a)).toMatch(/;Richiesta;.*;Aperta$/);
    expect(lineOf(csv, protocols.communication)).toMatch(/;Comunicazione della sede;.*;Ricevuta$/);
  });

  it("exports one kind only with the tipo filter, as the list shows it", async () => {
    const actor = contributorActor(intermediary, "INTERMEDIARIO");

    const communications = await exportRequestsCsv(actor, { tipo: "comunicazioni" }, now);
    const requests = await exportRequestsCsv(actor, { tipo: "richieste" }, now);
    const listed = await listRequests(actor, { tipo: "comunicazioni" }, now);

    expect(
      communications
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(";")[0]),
    ).toEqual([protocols.communication]);
    expect(listed.rows.map((row) => row.protocolNumber)).toEqual([protocols.communication]);
    expect(requests).toContain(protocols.a);
    expect(requests).toContain(protocols.b);
    expect(requests).not.toContain(protocols.communication);
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

    // The client's communication from the office, with the latest activity, comes first.
    expect(byCf.rows.map((row) => row.protocolNumber)).toEqual([protocols.communication, protocols.a]);
    expect(byName.rows.map((row) => row.protocolNumber)).toEqual([protocols.communication, protocols.a]);
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

  it("exports a text search in one statement, within reach and under the other filters, like the list", async () => {
    const actor = contributorActor(intermediary, "INTERMEDIARIO");
    for (const protocol of [protocols.a, protocols.stranger]) {
      await prisma.request.update({ where: { protocolNumber: protocol }, data: { text: "Domanda di rateizzazione dei contributi." } });
    }
    const protocolsOf = (csv: string) =>
      csv
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(";")[0]);

    const searched = await exportRequestsCsv(actor, { testo: "rateizzazioni" }, now);
    expect(protocolsOf(searched)).toEqual([protocols.a]);
    expect(lineOf(searched, protocols.a)).toMatch(new RegExp(`;Richiesta;.*;Anna Verdi;${clientA.codiceFiscale};.*;Aperta$`));
    expect(protocolsOf(await exportRequestsCsv(actor, { testo: "rateizzazioni", cliente: "Bruno" }, now))).toEqual([]);
    const words = await exportRequestsCsv(actor, { testo: "prova esportazione", tipo: "richieste" }, now);
    const listed = await listRequests(actor, { testo: "prova esportazione", tipo: "richieste" }, now);
    expect(protocolsOf(words)).toEqual([protocols.b]);
    expect(listed.rows.map((row) => row.protocolNumber)).toEqual([protocols.b]);
    expect(protocolsOf(await exportRequestsCsv(contributorActor(stranger, "TITOLARE"), { testo: "rateizzazione" }, now))).toEqual([
      protocols.stranger,
    ]);
    await expect(exportRequestsCsv(actor, { testo: "il la" }, now)).rejects.toMatchObject({ fieldErrors: { testo: [expect.any(String)] } });
  });

  it("refuses an invalid filter with a field message", async () => {
    await expect(
      exportRequestsCsv(contributorActor(intermediary, "INTERMEDIARIO"), { cliente: "x".repeat(61) }, now),
    ).rejects.toMatchObject({ fieldErrors: { cliente: ["Il cliente può contenere al massimo 60 caratteri."] } });
  });
});
