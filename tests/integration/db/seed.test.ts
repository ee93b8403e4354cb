import { beforeAll, describe, expect, it } from "vitest";
import { Gestione } from "@/generated/prisma/enums";
import { isValidCodiceFiscale } from "@/lib/codice-fiscale";
import { prisma } from "@/server/db/client";
import { isDatabaseEmpty, seedDatabase, type SeedSummary } from "../../../prisma/seed/seed-database";
import { resetDatabase } from "../../support/test-database";

/** First-level areas as the source documents list them (seeds 002, 004, 003; the brief for committenti). */
const AREAS: Record<Gestione, string[]> = {
  GS_PROFESSIONISTI: [
    "Anagrafica",
    "Deleghe",
    "Domande telematiche",
    "Istanze di rateizzazione",
    "Normativa",
    "Posizione assicurativa",
    "Rendicontazione GS",
    "Ricorsi",
    "Riduzione sanzioni civili",
    "Rimborso",
    "Ruoli",
    "Versamenti",
  ],
  ARTIGIANI_COMMERCIANTI: [
    "Anagrafica",
    "Estratti",
    "Dettaglio imposizione contributiva",
    "Dati modello F24",
    "Atti di recupero crediti",
    "Invio quietanze F24",
    "Versamenti",
    "Deleghe di servizio",
  ],
  AZIENDE: ["UniEmens", "Versamenti", "Regolarità contributiva", "Certificazioni", "DM trasmessi", "F24"],
  GS_COMMITTENTI: ["Anagrafica", "Denunce UniEmens parasubordinati", "Versamenti F24", "Note di rettifica", "Istanze online", "Deleghe"],
};

const MB = 1024 * 1024;

/** Every row the seed writes, in a stable order. */
async function snapshot() {
  return {
    offices: await prisma.office.findMany({
      include: { competence: { orderBy: [{ gestione: "asc" }, { province: "asc" }] } },
      orderBy: { code: "asc" },
    }),
    gestioni: await prisma.gestioneSettings.findMany({ orderBy: { gestione: "asc" } }),
    subjects: await prisma.subject.findMany({ orderBy: [{ gestione: "asc" }, { code: "asc" }] }),
    people: await prisma.person.findMany({ include: { archiveContact: true }, orderBy: { codiceFiscale: "asc" } }),
    positions: await prisma.position.findMany({ include: { archiveContact: true }, orderBy: [{ gestione: "asc" }, { matricola: "asc" }] }),
    delegations: await prisma.delegation.findMany({ include: { scope: true }, orderBy: { id: "asc" } }),
    operators: await prisma.operator.findMany({ orderBy: { codiceFiscale: "asc" } }),
    smartTasks: await prisma.smartTaskEnablement.findMany({ orderBy: { kind: "asc" } }),
  };
}

describe("seedDatabase", () => {
  let summary: SeedSummary;

  beforeAll(async () => {
    expect(await isDatabaseEmpty(prisma)).toBe(true);
    summary = await seedDatabase(prisma);
  });

  it("fills an empty database and changes nothing when run again", async () => {
    expect(await isDatabaseEmpty(prisma)).toBe(false);
    const before = await snapshot();
    expect(before.offices).toHaveLength(summary.offices);
    // Every province has its office in every gestione (decision 0044).
    expect(before.offices.flatMap((office) => office.competence)).toHaveLength(summary.provinces * Object.values(Gestione).length);
    expect(before.gestioni).toHaveLength(summary.gestioni);
    expect(before.subjects).toHaveLength(summary.subjects);
    expect(before.people).toHaveLength(summary.people);
    expect(before.positions).toHaveLength(summary.positions);
    expect(before.delegations).toHaveLength(summary.delegations);
    expect(before.operators).toHaveLength(summary.operators);

    expect(await seedDatabase(prisma)).toEqual(summary);
    expect(await snapshot()).toEqual(before);
  });

  it("opens the agenda of each demo office with a RESPONSABILE", async () => {
    expect(summary.agendas).toBeGreaterThan(0);
    const offices = await prisma.agendaSettings.findMany({
      select: { office: { select: { agendaWindows: { select: { channel: true } } } } },
    });
    expect(offices).toHaveLength(summary.agendas);
    for (const { office } of offices) {
      expect(new Set(office.agendaWindows.map((window) => window.channel))).toEqual(
        new Set(["IN_PRESENZA", "TELEFONICO", "VIDEOCHIAMATA"]),
      );
    }
  });

  it("gives every gestione its areas from the sources, each with 2 to 6 subjects", async () => {
    for (const [gestione, labels] of Object.entries(AREAS) as [Gestione, string[]][]) {
      const areas = await prisma.subject.findMany({
        where: { gestione, parentId: null },
        include: { children: { include: { children: true } } },
        orderBy: { sortOrder: "asc" },
      });
      expect(areas.map((area) => area.label)).toEqual(labels);
      for (const area of areas) {
        expect(area.children.length, area.code).toBeGreaterThanOrEqual(2);
        expect(area.children.length, area.code).toBeLessThanOrEqual(6);
        expect(area.children.flatMap((subject) => subject.children)).toEqual([]);
      }
    }
  });

  it("sets the limits of F04", async () => {
    const settings = await prisma.gestioneSettings.findMany({
      select: { gestione: true, maxFiles: true, maxBytesPerFile: true, pecRequired: true, emailOrPhoneRequired: true },
      orderBy: { gestione: "asc" },
    });
    const limits = (maxFiles: number, maxBytesPerFile: number, pecRequired: boolean) => ({
      maxFiles,
      maxBytesPerFile,
      pecRequired,
      emailOrPhoneRequired: true,
    });
    expect(settings).toEqual([
      { gestione: "AZIENDE", ...limits(3, 3 * MB, false) },
      { gestione: "GS_COMMITTENTI", ...limits(3, 3 * MB, false) },
      { gestione: "GS_PROFESSIONISTI", ...limits(5, 1 * MB, true) },
      { gestione: "ARTIGIANI_COMMERCIANTI", ...limits(3, 3 * MB, false) },
    ]);
  });

  it("gives every position the office competent for its province", async () => {
    const positions = await prisma.position.findMany();
    expect(new Set(positions.map((position) => position.gestione)).size).toBe(4);
    for (const position of positions) {
      const competence = await prisma.officeCompetence.findUniqueOrThrow({
        where: { gestione_province: { gestione: position.gestione, province: position.province } },
      });
      expect(position.officeId, position.matricola).toBe(competence.officeId);
    }
  });

  it("uses valid codici fiscali only", async () => {
    const codes = [
      ...(await prisma.person.findMany()).map((person) => person.codiceFiscale),
      ...(await prisma.operator.findMany()).map((operator) => operator.codiceFiscale),
    ];
    expect(codes.filter((code) => !isValidCodiceFiscale(code))).toEqual([]);
  });

  it("provides the demo profiles: holders, intermediaries, an employee, and a person with two profiles", async () => {
    const people = await prisma.person.findMany({
      include: {
        positions: true,
        delegationsHeld: { include: { scope: { include: { position: true } } }, orderBy: { id: "asc" } },
      },
    });
    const delegationsOf = (cf: string) =>
      people
        .find((person) => person.codiceFiscale === cf)
        ?.delegationsHeld.map((delegation) => ({
          kind: delegation.kind,
          status: delegation.status,
          expired: delegation.validTo !== null && delegation.validTo.getTime() < Date.now(),
          gestioni: delegation.scope.map((scope) => scope.position.gestione),
        }));

    const gestioniHeld = people.map((person) => new Set(person.positions.map((position) => position.gestione)).size);
    expect(gestioniHeld.filter((count) => count === 2)).toHaveLength(1);
    // The commercialista: one active and one expired delegation.
    expect(delegationsOf("RCCFNC80P52H501Q")).toEqual([
      { kind: "INTERMEDIARIO", status: "ACTIVE", expired: false, gestioni: ["ARTIGIANI_COMMERCIANTI"] },
      { kind: "INTERMEDIARIO", status: "EXPIRED", expired: true, gestioni: ["GS_PROFESSIONISTI"] },
    ]);
    // The consulente del lavoro and the company employee.
    expect(delegationsOf("CNTLCU75A30F839N")?.every((delegation) => delegation.status === "ACTIVE")).toBe(true);
    expect(delegationsOf("RMNSRA92L48B963V")).toEqual([{ kind: "DIPENDENTE", status: "ACTIVE", expired: false, gestioni: ["AZIENDE"] }]);
    // Someone signs in with two profiles: holder and intermediary.
    const twoProfiles = people.filter((person) => person.positions.length > 0 && person.delegationsHeld.length > 0);
    expect(twoProfiles.map((person) => person.codiceFiscale)).toEqual(["RCCFNC80P52H501Q"]);

    const roles = await prisma.operator.groupBy({ by: ["officeId", "role"], _count: true });
    expect(new Set(roles.map((row) => row.officeId)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(roles.map((row) => row.role))).toEqual(new Set(["OPERATORE", "RESPONSABILE", "ADMIN"]));
    expect(roles.some((row) => row.role === "OPERATORE" && row._count >= 2)).toBe(true);
  });

  it("keeps what users changed on demo data", async () => {
    const person = await prisma.person.findUniqueOrThrow({ where: { codiceFiscale: "RSSMRA78E14H501S" } });
    const position = await prisma.position.findFirstOrThrow({ where: { holderId: person.id } });
    const subject = await prisma.subject.findUniqueOrThrow({
      where: { gestione_code: { gestione: position.gestione, code: "AC-VERS-01" } },
    });
    await prisma.archiveContact.update({ where: { positionId: position.id }, data: { email: "nuovo.indirizzo@example.it" } });
    const delegationId = "01936b2a-4c00-7000-8000-000000000001";
    await prisma.delegation.update({
      where: { id: delegationId },
      data: { status: "REVOKED", revokedAt: new Date(), revokedReason: "Revocata dal titolare" },
    });
    const request = await prisma.request.create({
      data: {
        positionId: position.id,
        subjectId: subject.id,
        holderId: person.id,
        text: "Versamento di marzo non visibile.",
        protocolNumber: "INPS.7000.22/11/2026.0000001",
      },
    });

    await seedDatabase(prisma);

    expect((await prisma.archiveContact.findUniqueOrThrow({ where: { positionId: position.id } })).email).toBe(
      "nuovo.indirizzo@example.it",
    );
    expect((await prisma.delegation.findUniqueOrThrow({ where: { id: delegationId } })).status).toBe("REVOKED");
    expect(await prisma.request.findUnique({ where: { id: request.id } })).not.toBeNull();
  });

  it("never overwrites what administrators changed in the reference data, and adds what is missing (decision 0045)", async () => {
    const subject = await prisma.subject.findFirstOrThrow({
      where: { gestione: "AZIENDE", parentId: { not: null } },
      orderBy: { code: "asc" },
    });
    const competence = await prisma.officeCompetence.findFirstOrThrow({ where: { gestione: "AZIENDE" }, orderBy: { province: "asc" } });
    const competenceKey = { gestione_province: { gestione: competence.gestione, province: competence.province } };
    const otherOffice = await prisma.office.findFirstOrThrow({ where: { id: { not: competence.officeId } } });
    const operator = await prisma.operator.findFirstOrThrow({ where: { role: "OPERATORE" }, orderBy: { codiceFiscale: "asc" } });
    await prisma.subject.update({
      where: { id: subject.id },
      data: { label: "Etichetta dell'amministratore", active: false, sortOrder: 99 },
    });
    await prisma.office.update({ where: { id: otherOffice.id }, data: { name: "Sede rinominata" } });
    await prisma.officeCompetence.update({ where: competenceKey, data: { officeId: otherOffice.id } });
    await prisma.gestioneSettings.update({ where: { gestione: "AZIENDE" }, data: { maxFiles: 7, label: "Aziende (rinominata)" } });
    await prisma.operator.update({ where: { id: operator.id }, data: { role: "RESPONSABILE", active: false } });
    await prisma.smartTaskEnablement.update({ where: { kind: "REVOCA_DELEGA_DIPENDENTE" }, data: { opening: "PILOTA" } });
    await prisma.smartTaskEnablement.delete({ where: { kind: "CANCELLAZIONE_CONTATTI_ANOMALI" } });
    // One subject and one office missing, as if the files had gained them.
    const missingSubject = await prisma.subject.findFirstOrThrow({
      where: { gestione: "GS_COMMITTENTI", parentId: { not: null } },
      orderBy: { code: "desc" },
    });
    await prisma.subject.delete({ where: { id: missingSubject.id } });
    const before = await snapshot();

    await seedDatabase(prisma);
    const after = await snapshot();

    expect(await prisma.subject.findUniqueOrThrow({ where: { id: subject.id } })).toMatchObject({
      label: "Etichetta dell'amministratore",
      active: false,
      sortOrder: 99,
    });
    expect((await prisma.office.findUniqueOrThrow({ where: { id: otherOffice.id } })).name).toBe("Sede rinominata");
    expect((await prisma.officeCompetence.findUniqueOrThrow({ where: competenceKey })).officeId).toBe(otherOffice.id);
    expect(await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: "AZIENDE" } })).toMatchObject({
      maxFiles: 7,
      label: "Aziende (rinominata)",
    });
    expect(await prisma.operator.findUniqueOrThrow({ where: { id: operator.id } })).toMatchObject({ role: "RESPONSABILE", active: false });
    expect(after.smartTasks.map((row) => [row.kind, row.opening])).toEqual([
      ["REVOCA_DELEGA_INTERMEDIARIO", "TUTTI"],
      ["REVOCA_DELEGA_DIPENDENTE", "PILOTA"],
      ["VARIAZIONE_CONTATTI_INTERMEDIARIO", "TUTTI"],
      ["VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE", "TUTTI"],
      ["CANCELLAZIONE_CONTATTI_ANOMALI", "TUTTI"],
    ]);
    expect(after.subjects).toHaveLength(before.subjects.length + 1);
    expect(after.subjects.find((row) => row.code === missingSubject.code)).toMatchObject({
      label: missingSubject.label,
      parentId: missingSubject.parentId,
    });

    // A further run adds nothing.
    await seedDatabase(prisma);
    expect(await snapshot()).toEqual(after);
  });

  it("gives every office an address, and fills an address only while it is still empty (decision 0047)", async () => {
    const offices = await prisma.office.findMany({ orderBy: { code: "asc" } });
    expect(offices.filter((office) => office.address.trim() === "")).toEqual([]);
    expect(offices.find((office) => office.code === "7000")?.address).toBe("Via dell'Amba Aradam 5, 00184 Roma");
    const [emptied, changed] = offices;
    await prisma.office.update({ where: { id: emptied!.id }, data: { address: "" } });
    await prisma.office.update({ where: { id: changed!.id }, data: { address: "Piazza dell'amministratore 1" } });

    await seedDatabase(prisma);

    const refilled = await prisma.office.findUniqueOrThrow({ where: { id: emptied!.id } });
    expect(refilled).toMatchObject({ address: emptied!.address, version: emptied!.version + 1 });
    expect(await prisma.office.findUniqueOrThrow({ where: { id: changed!.id } })).toMatchObject({
      address: "Piazza dell'amministratore 1",
      version: changed!.version,
    });
  });
});

describe("seedDatabase in production", () => {
  beforeAll(() => resetDatabase());

  it("loads the reference data only: no demo people, delegations or operators", async () => {
    const summary = await seedDatabase(prisma, { includeDemo: false });

    expect(summary).toMatchObject({ people: 0, positions: 0, delegations: 0, operators: 0 });
    expect(summary.offices).toBeGreaterThanOrEqual(6);
    expect(await prisma.person.count()).toBe(0);
    expect(await prisma.operator.count()).toBe(0);
    expect(await prisma.smartTaskEnablement.count()).toBe(0);
    expect(await prisma.subject.count()).toBe(summary.subjects);
  });
});
