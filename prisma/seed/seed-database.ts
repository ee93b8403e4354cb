import { Gestione, SmartTaskKind, type Prisma, type PrismaClient } from "@/generated/prisma/client";
import { loadSeedData, positionKey, type SeedData } from "./data";

/**
 * Loads the JSON files of prisma/seed/data/ into the database, idempotently.
 *
 * Everything is inserted only when missing, keyed by its natural key (office
 * code, province, gestione, subject code, codice fiscale, matricola): the
 * files are where a new installation starts, and once administrators change
 * reference data in /admin (labels, limits, competence, roles…) a new run
 * never overwrites it (decision 0045); demo data (people and their contacts,
 * positions, delegations) likewise keep what users did with them. A new
 * position gets the office the database makes competent for its province.
 * Nothing is ever deleted. Everything runs in one transaction. In production
 * (`includeDemo: false`) only the reference data are loaded: no Smart-Task
 * kind is open until an administrator opens it (decision 0046), while the
 * demo opens every kind to everybody.
 */

export type SeedSummary = {
  offices: number;
  provinces: number;
  gestioni: number;
  subjects: number;
  people: number;
  positions: number;
  delegations: number;
  operators: number;
  /** Offices whose agenda the demo opens. */
  agendas: number;
  questionnaires: number;
};

type Tx = Prisma.TransactionClient;

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.office.findFirst({ select: { id: true } })) === null;
}

export async function seedDatabase(
  prisma: PrismaClient,
  { includeDemo }: { includeDemo: boolean } = { includeDemo: true },
): Promise<SeedSummary> {
  const data = loadSeedData();
  const demo = includeDemo ? data.people : { people: [], delegations: [] };
  return prisma.$transaction(
    async (tx) => {
      const offices = await seedOffices(tx, data);
      await seedGestioni(tx, data);
      const subjects = await seedSubjects(tx, data);
      const { people, positions } = await seedPeople(tx, demo.people, offices.byProvince);
      await seedDelegations(tx, demo.delegations, people, positions);
      const operators = includeDemo ? data.operators : [];
      await seedOperators(tx, operators, offices.byCode);
      const agendas = includeDemo ? await seedDemoAgendas(tx, operators, offices.byCode) : 0;
      await seedQuestionnaires(tx, data);
      if (includeDemo) await seedDemoSmartTasks(tx);
      return {
        offices: offices.byCode.size,
        provinces: new Set(data.offices.flatMap((office) => office.provinces)).size,
        gestioni: data.gestioni.length,
        subjects,
        people: people.size,
        positions: positions.size,
        delegations: demo.delegations.length,
        operators: operators.length,
        agendas,
        questionnaires: data.questionnaires.length,
      };
    },
    { timeout: 60_000 },
  );
}

/** The demo opens every Smart-Task kind to everybody, where no administrator has set it. */
async function seedDemoSmartTasks(tx: Tx): Promise<void> {
  await tx.smartTaskEnablement.createMany({
    data: Object.values(SmartTaskKind).map((kind) => ({ kind, opening: "TUTTI" as const })),
    skipDuplicates: true,
  });
}

/** An id the loader guarantees to exist (it checks every reference). */
function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Riferimento ${key} non trovato nei dati iniziali`);
  return id;
}

/** The key of a province's competent office in a gestione. */
const competenceKey = (gestione: Gestione, province: string) => `${gestione}/${province}`;

async function seedOffices(tx: Tx, data: SeedData) {
  const byCode = new Map<string, string>();
  const byProvince = new Map<string, string>();
  for (const { provinces, ...office } of data.offices) {
    const { id } = await tx.office.upsert({ where: { code: office.code }, create: office, update: {}, select: { id: true } });
    byCode.set(office.code, id);
    // Offices seeded before the files had addresses get one, only while theirs is still empty (decision 0047).
    await tx.office.updateMany({ where: { id, address: "" }, data: { address: office.address, version: { increment: 1 } } });
    for (const province of provinces) {
      // The seed's offices serve their provinces in every gestione (decision 0044); a province keeps the
      // office an administrator may have made competent since (decision 0045).
      for (const gestione of Object.values(Gestione)) {
        const competence = await tx.officeCompetence.upsert({
          where: { gestione_province: { gestione, province } },
          create: { gestione, province, officeId: id },
          update: {},
          select: { officeId: true },
        });
        byProvince.set(competenceKey(gestione, province), competence.officeId);
      }
    }
  }
  return { byCode, byProvince };
}

async function seedGestioni(tx: Tx, data: SeedData): Promise<void> {
  for (const settings of data.gestioni) {
    await tx.gestioneSettings.upsert({ where: { gestione: settings.gestione }, create: settings, update: {} });
  }
}

/** Campaigns are inserted when missing, like the rest of the reference data (decision 0045). */
async function seedQuestionnaires(tx: Tx, data: SeedData): Promise<void> {
  for (const { code, closesOn, ...campaign } of data.questionnaires) {
    await tx.questionnaireCampaign.upsert({
      where: { slug: code },
      create: { slug: code, ...campaign, closesOn: closesOn ?? null },
      update: {},
    });
  }
}

/** Each area before its subjects; the order in the file becomes a new subject's sortOrder. Returns how many. */
async function seedSubjects(tx: Tx, data: SeedData): Promise<number> {
  type Fields = { label: string; sortOrder: number; parentId: string | null; maxResponseWorkingDays?: number };
  let count = 0;
  const upsert = (gestione: Gestione, code: string, fields: Fields) =>
    tx.subject.upsert({
      where: { gestione_code: { gestione, code } },
      create: { gestione, code, ...fields },
      update: {},
      select: { id: true },
    });
  for (const gestione of Object.values(Gestione)) {
    for (const [areaOrder, area] of data.subjects[gestione].entries()) {
      const areaFields = { label: area.label, sortOrder: areaOrder, parentId: null };
      const { id: parentId } = await upsert(gestione, area.code, areaFields);
      for (const [sortOrder, subject] of area.children.entries()) {
        await upsert(gestione, subject.code, {
          label: subject.label,
          sortOrder,
          parentId,
          ...(subject.maxResponseWorkingDays ? { maxResponseWorkingDays: subject.maxResponseWorkingDays } : {}),
        });
      }
      count += 1 + area.children.length;
    }
  }
  return count;
}

/** Returns person ids by codice fiscale and position ids by positionKey. */
async function seedPeople(tx: Tx, demoPeople: SeedData["people"]["people"], officeByProvince: Map<string, string>) {
  const people = new Map<string, string>();
  const positions = new Map<string, string>();
  for (const { codiceFiscale, givenName, familyName, contacts, positions: owned } of demoPeople) {
    const { id: holderId } = await tx.person.upsert({
      where: { codiceFiscale },
      create: { codiceFiscale, givenName, familyName, archiveContact: { create: contacts } },
      update: { archiveContact: { upsert: { create: contacts, update: {} } } },
      select: { id: true },
    });
    people.set(codiceFiscale, holderId);
    for (const { contacts: positionContacts, ...position } of owned) {
      const officeId = idOf(officeByProvince, competenceKey(position.gestione, position.province));
      // The archives hold contacts per person and per position: the person's, unless the position has its own.
      const archiveContact = { create: positionContacts ?? contacts };
      const { id } = await tx.position.upsert({
        where: { gestione_matricola: { gestione: position.gestione, matricola: position.matricola } },
        create: { ...position, holderId, officeId, archiveContact },
        update: { archiveContact: { upsert: { ...archiveContact, update: {} } } },
        select: { id: true },
      });
      positions.set(positionKey(position), id);
    }
  }
  return { people, positions };
}

async function seedDelegations(
  tx: Tx,
  delegations: SeedData["people"]["delegations"],
  people: Map<string, string>,
  positions: Map<string, string>,
): Promise<void> {
  for (const { holder, delegate, scope, ...delegation } of delegations) {
    await tx.delegation.upsert({
      where: { id: delegation.id },
      create: {
        ...delegation,
        holderId: idOf(people, holder),
        delegateId: idOf(people, delegate),
        scope: { create: scope.map((ref) => ({ positionId: idOf(positions, positionKey(ref)) })) },
      },
      update: {},
    });
  }
}

async function seedOperators(tx: Tx, operators: SeedData["operators"], officeByCode: Map<string, string>): Promise<void> {
  for (const { office, ...operator } of operators) {
    await tx.operator.upsert({
      where: { codiceFiscale: operator.codiceFiscale },
      create: { ...operator, officeId: idOf(officeByCode, office) },
      update: {},
    });
  }
}

/**
 * The demo opens the agenda of each office with a RESPONSABILE among the demo
 * operators, so that the quick start shows it: in presenza on weekday
 * mornings, by phone on Tuesday and Thursday afternoons, by video call on
 * Wednesday afternoon, two places per slot. Windows are written only for an
 * office that has none, so that running the seed again changes nothing.
 */
async function seedDemoAgendas(tx: Tx, operators: SeedData["operators"], officeByCode: Map<string, string>): Promise<number> {
  const codes = [...new Set(operators.filter((operator) => operator.role === "RESPONSABILE").map((operator) => operator.office))];
  for (const code of codes) {
    const officeId = idOf(officeByCode, code);
    const office = await tx.office.findUniqueOrThrow({ where: { id: officeId }, select: { city: true } });
    await tx.agendaSettings.upsert({
      where: { officeId },
      create: {
        officeId,
        places: 2,
        ownRules: true,
        address: `Sede INPS di ${office.city}, sportello appuntamenti`,
        videoLink: `https://videochiamata.inps.example.it/sede-${code}`,
      },
      update: {},
    });
    if (await tx.agendaWindow.findFirst({ where: { officeId }, select: { id: true } })) continue;
    await tx.agendaWindow.createMany({
      data: [
        ...[1, 2, 3, 4, 5].map((weekday) => ({
          officeId,
          channel: "IN_PRESENZA" as const,
          weekday,
          startMinute: 9 * 60,
          endMinute: 12 * 60 + 30,
        })),
        ...[2, 4].map((weekday) => ({ officeId, channel: "TELEFONICO" as const, weekday, startMinute: 14 * 60, endMinute: 16 * 60 })),
        { officeId, channel: "VIDEOCHIAMATA" as const, weekday: 3, startMinute: 14 * 60, endMinute: 16 * 60 },
      ],
    });
  }
  return codes.length;
}
