import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { applySubjectImport, IMPORT_CHANGED } from "@/server/admin/apply-subject-import";
import { createSubject } from "@/server/admin/create-subject";
import { exportSubjectTree } from "@/server/admin/export-subject-tree";
import { getSubject } from "@/server/admin/get-subject";
import { getSubjectImport, IMPORT_NOT_FOUND } from "@/server/admin/get-subject-import";
import { getSubjectTree } from "@/server/admin/get-subject-tree";
import { previewSubjectImport } from "@/server/admin/preview-subject-import";
import { MAX_IMPORT_BYTES } from "@/server/admin/subject-schemas";
import { STALE_SUBJECT } from "@/server/admin/subject-tree";
import { updateSubject } from "@/server/admin/update-subject";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { parseConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { runMaintenanceSweep } from "@/server/maintenance/run-maintenance-sweep";
import { createRequest } from "@/server/requests/create-request";
import { createGestioneSettings, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, createSubjectTree, operatorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

let admin: OperatorActor;

beforeEach(async () => {
  await resetDatabase();
  await createGestioneSettings("AZIENDE");
  admin = await operatorActor((await createOffice()).id, "ADMIN");
});

const fields = (overrides: Record<string, string> = {}) => ({
  code: "",
  label: "",
  parentId: "",
  sortOrder: "0",
  routeToOfficeId: "",
  maxResponseWorkingDays: "",
  ...overrides,
});

async function adminEntries() {
  return prisma.auditEntry.findMany({ where: { targetType: "ARGOMENTO" }, orderBy: { sequence: "asc" } });
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function preview(name: string, text: string) {
  const { id } = await previewSubjectImport(admin, "AZIENDE", file(name, text));
  return getSubjectImport(admin, id);
}

describe("adding a subject", () => {
  it("routes new requests on it to its office, with its own time to answer, and is audited", async () => {
    const elsewhere = await createOffice();
    const area = await createSubject(admin, "AZIENDE", fields({ code: "az-new", label: "Nuova area" }));
    const created = await createSubject(
      admin,
      "AZIENDE",
      fields({ code: "AZ-NEW-01", label: "Nuovo oggetto", parentId: area.id, routeToOfficeId: elsewhere.id, maxResponseWorkingDays: "5" }),
    );
    expect(area.code).toBe("AZ-NEW");

    const home = await createOffice();
    const holder = await createPerson();
    const position = await createPosition(holder.id, home.id);
    const request = await createRequest(
      contributorActor(holder),
      {
        positionId: position.id,
        subjectId: created.id,
        text: "Chiedo la verifica del versamento di marzo.",
        email: "t@example.it",
        consentEmail: "on",
        idempotencyKey: randomUUID(),
      },
      [],
      new Date("2026-12-07T09:00:00Z"),
    );
    const quesito = await prisma.quesito.findFirstOrThrow({ where: { requestId: request.id } });
    expect(quesito.officeId).toBe(elsewhere.id);
    // Monday 7 December + 5 working days (8 December is a holiday) = Tuesday 15 December, end of day in Rome.
    expect(quesito.dueAt?.toISOString().slice(0, 10)).toBe("2026-12-15");

    const [first, second] = await adminEntries();
    expect(first).toMatchObject({ action: "AMMINISTRAZIONE_CREAZIONE", targetId: area.id, before: null });
    expect(JSON.parse(second?.after ?? "{}")).toEqual({
      code: "AZ-NEW-01",
      label: "Nuovo oggetto",
      parentCode: "AZ-NEW",
      sortOrder: 0,
      active: true,
      officeCode: elsewhere.code,
      maxResponseWorkingDays: 5,
    });
  });

  it("refuses a code already in the gestione, a parent that is not an area, an unknown office, a formula-like label", async () => {
    const { area, subject } = await createSubjectTree();
    await expect(createSubject(admin, "AZIENDE", fields({ code: area.code, label: "Doppio" }))).rejects.toMatchObject({
      fieldErrors: { code: ["Esiste già un oggetto con questo codice nella gestione."] },
    });
    await expect(createSubject(admin, "AZIENDE", fields({ code: "X-1", label: "Sotto", parentId: subject.id }))).rejects.toMatchObject({
      fieldErrors: { parentId: ["Scegliere un'area della stessa gestione."] },
    });
    await expect(
      createSubject(admin, "AZIENDE", fields({ code: "X-2", label: "Via", routeToOfficeId: randomUUID() })),
    ).rejects.toMatchObject({
      fieldErrors: { routeToOfficeId: ["Sede inesistente."] },
    });
    await expect(createSubject(admin, "AZIENDE", fields({ code: "X-3", label: "=HYPERLINK(1)" }))).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.subject.count()).toBe(2);
    expect(await adminEntries()).toEqual([]);
  });
});

describe("editing a subject", () => {
  it("renames, reorders and moves it under another area, recording only what changed", async () => {
    const { subject } = await createSubjectTree();
    const { area: other } = await createSubjectTree();
    const result = await updateSubject(admin, subject.id, {
      ...fields({ label: "Rinominato", parentId: other.id, sortOrder: "3" }),
      expectedVersion: "0",
    });
    expect(result).toEqual({ changed: true, active: true });
    const saved = await prisma.subject.findUniqueOrThrow({ where: { id: subject.id } });
    expect(saved).toMatchObject({ label: "Rinominato", parentId: other.id, sortOrder: 3, version: 1 });
    const [entry] = await adminEntries();
    expect(entry?.action).toBe("AMMINISTRAZIONE_MODIFICA");
    expect(JSON.parse(entry?.before ?? "{}")).toEqual({ label: subject.label, parentCode: expect.any(String), sortOrder: 0 });
    expect(JSON.parse(entry?.after ?? "{}")).toEqual({ label: "Rinominato", parentCode: other.code, sortOrder: 3 });
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 1 });
  });

  it("refuses the second of two edits made on the same version, and moving an area with subjects under another", async () => {
    const { area, subject } = await createSubjectTree();
    const { area: other } = await createSubjectTree();
    await updateSubject(admin, subject.id, { ...fields({ label: "Primo", parentId: area.id }), expectedVersion: "0" });
    const late = updateSubject(admin, subject.id, { ...fields({ label: "Secondo", parentId: area.id }), expectedVersion: "0" });
    await expect(late).rejects.toEqual(new ConflictError(STALE_SUBJECT));
    expect((await prisma.subject.findUniqueOrThrow({ where: { id: subject.id } })).label).toBe("Primo");

    await expect(
      updateSubject(admin, area.id, { ...fields({ label: area.label, parentId: other.id }), expectedVersion: "0" }),
    ).rejects.toMatchObject({ fieldErrors: { parentId: [expect.stringContaining("area con oggetti sotto")] } });
  });

  it("deactivates a subject in use without deleting it: new requests refuse it, old ones keep it; reactivation brings it back", async () => {
    const { subject } = await createSubjectTree();
    const holder = await createPerson();
    const position = await createPosition(holder.id, (await createOffice()).id);
    const send = () =>
      createRequest(
        contributorActor(holder),
        {
          positionId: position.id,
          subjectId: subject.id,
          text: "Chiedo la verifica del versamento di marzo.",
          email: "t@example.it",
          consentEmail: "on",
          idempotencyKey: randomUUID(),
        },
        [],
        new Date(),
      );
    const old = await send();
    expect((await getSubject(admin, subject.id)).subject.inUse).toBe(true);

    await updateSubject(admin, subject.id, { active: "false", expectedVersion: "0" });
    await expect(send()).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.request.findUniqueOrThrow({ where: { id: old.id }, select: { subjectId: true } })).toEqual({
      subjectId: subject.id,
    });
    await updateSubject(admin, subject.id, { active: "true", expectedVersion: "1" });
    await expect(send()).resolves.toMatchObject({ id: expect.any(String) });
    expect((await adminEntries()).map((entry) => entry.action)).toEqual([
      "AMMINISTRAZIONE_DISATTIVAZIONE",
      "AMMINISTRAZIONE_RIATTIVAZIONE",
    ]);
  });
});

describe("export and import", () => {
  it("exports the tree as JSON and CSV that import back with no change", async () => {
    const { subject } = await createSubjectTree();
    await updateSubject(admin, subject.id, { active: "false", expectedVersion: "0" });
    for (const format of ["json", "csv"] as const) {
      const exported = await exportSubjectTree(admin, "AZIENDE", format);
      expect(exported.fileName).toBe(`oggetti-aziende.${format}`);
      const previewed = await preview(exported.fileName, exported.body);
      expect(previewed).toMatchObject({ problems: [], changes: [] });
    }
    const csv = await exportSubjectTree(admin, "AZIENDE", "csv");
    expect(csv.body).toContain(`${subject.code};Argomento`);
    expect(csv.body).toContain(";no;");
  });

  it("previews what would change, applies exactly that once confirmed, one audit entry per subject", async () => {
    const { area, subject } = await createSubjectTree();
    const { area: other, subject: leftOut } = await createSubjectTree();
    const office = await createOffice();
    const json = JSON.stringify({
      gestione: "AZIENDE",
      subjects: [
        {
          code: area.code,
          label: area.label,
          parentCode: null,
          sortOrder: 0,
          active: true,
          officeCode: null,
          maxResponseWorkingDays: null,
        },
        {
          code: other.code,
          label: "Area rinominata",
          parentCode: null,
          sortOrder: 1,
          active: true,
          officeCode: null,
          maxResponseWorkingDays: null,
        },
        {
          code: subject.code,
          label: subject.label,
          parentCode: other.code,
          sortOrder: 0,
          active: true,
          officeCode: null,
          maxResponseWorkingDays: null,
        },
        {
          code: "NUOVO-01",
          label: "Nuovo",
          parentCode: area.code,
          sortOrder: 1,
          active: true,
          officeCode: office.code,
          maxResponseWorkingDays: 10,
        },
      ],
    });
    const previewed = await preview("albero.json", json);
    expect(previewed.problems).toEqual([]);
    expect(previewed.changes.map(({ code, kinds }) => [code, kinds])).toEqual([
      [other.code, ["renamed", "modified"]],
      [subject.code, ["moved"]],
      ["NUOVO-01", ["added"]],
      [leftOut.code, ["deactivated"]],
    ]);
    expect(await prisma.subject.count({ where: { active: true } })).toBe(4);

    expect(await applySubjectImport(admin, previewed.id, { planHash: previewed.planHash })).toEqual({ changed: 4 });
    const added = await prisma.subject.findFirstOrThrow({ where: { code: "NUOVO-01" } });
    expect(added).toMatchObject({ parentId: area.id, routeToOfficeId: office.id, maxResponseWorkingDays: 10 });
    expect(await prisma.subject.findUniqueOrThrow({ where: { id: subject.id } })).toMatchObject({ parentId: other.id, version: 1 });
    expect(await prisma.subject.findUniqueOrThrow({ where: { id: leftOut.id } })).toMatchObject({ active: false });
    const entries = await adminEntries();
    expect(entries.map((entry) => [entry.action, entry.targetId])).toEqual([
      ["AMMINISTRAZIONE_IMPORTAZIONE", other.id],
      ["AMMINISTRAZIONE_IMPORTAZIONE", subject.id],
      ["AMMINISTRAZIONE_IMPORTAZIONE", added.id],
      ["AMMINISTRAZIONE_IMPORTAZIONE", leftOut.id],
    ]);
    await expect(applySubjectImport(admin, previewed.id, { planHash: previewed.planHash })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a confirmation when the tree changed after the preview", async () => {
    const { subject } = await createSubjectTree();
    const exported = await exportSubjectTree(admin, "AZIENDE", "json");
    const previewed = await preview("albero.json", exported.body.replace(subject.label, "Altro nome"));
    await updateSubject(admin, subject.id, { active: "false", expectedVersion: "0" });
    await expect(applySubjectImport(admin, previewed.id, { planHash: previewed.planHash })).rejects.toEqual(
      new ConflictError(IMPORT_CHANGED),
    );
    expect((await prisma.subject.findUniqueOrThrow({ where: { id: subject.id } })).label).toBe(subject.label);
  });

  it("names each invalid row — duplicate codes, cycles, unknown offices, formulas — and applies nothing", async () => {
    const { area } = await createSubjectTree();
    const csv = [
      "codice;descrizione;area;ordine;attivo;sede;giorni_risposta",
      "A;Area A;;0;sì;;",
      "A;Doppia;;1;sì;;",
      "B;Ciclo B;C;0;sì;;",
      "C;Ciclo C;B;0;sì;;",
      "D;Sede ignota;A;0;sì;9999;",
      "E;=SOMMA(1;2);A;0;sì;;",
      "F;Senza area;ZZZ;0;forse;;",
    ].join("\r\n");
    const previewed = await preview("albero.csv", csv);
    expect(previewed.problems).toEqual([
      { row: 3, code: "A", message: "Codice A ripetuto (già alla riga 2)." },
      { row: 4, code: "B", message: "Ciclo tra gli oggetti: B → C → B." },
      { row: 5, code: "C", message: "Ciclo tra gli oggetti: C → B → C." },
      { row: 6, code: "D", message: "Sede 9999 inesistente." },
      { row: 7, code: "E", message: expect.stringContaining("non può iniziare con =, +, - o @") },
      { row: 8, code: "F", message: "Indicare se l'oggetto è attivo (sì o no)." },
    ]);
    await expect(applySubjectImport(admin, previewed.id, { planHash: previewed.planHash })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.subject.count()).toBe(2);
    expect((await prisma.subject.findUniqueOrThrow({ where: { id: area.id } })).active).toBe(true);
    expect(await adminEntries()).toEqual([]);
  });

  it("refuses a file over the limit, one not in UTF-8 and one of another format, before reading rows", async () => {
    const over = await previewSubjectImport(admin, "AZIENDE", { name: "albero.json", bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) });
    const notRead = await previewSubjectImport(admin, "AZIENDE", { name: "", bytes: null });
    const latin1 = await previewSubjectImport(admin, "AZIENDE", { name: "albero.csv", bytes: new Uint8Array([0x63, 0xe0, 0x3b, 0x0a]) });
    const other = await previewSubjectImport(admin, "AZIENDE", file("albero.xlsx", "x"));
    const messages = await Promise.all([over, notRead, latin1, other].map(async ({ id }) => (await getSubjectImport(admin, id)).problems));
    expect(messages).toEqual([
      [{ row: 0, code: "", message: "Il file supera il limite di 1 MB: non è stato letto." }],
      [{ row: 0, code: "", message: "Il file supera il limite di 1 MB: non è stato letto." }],
      [{ row: 0, code: "", message: "Il file non è codificato in UTF-8: salvarlo di nuovo scegliendo la codifica UTF-8." }],
      [{ row: 0, code: "", message: "Caricare un file .json o .csv, come quelli dell'esportazione." }],
    ]);
  });
});

describe("retention of previews", () => {
  it("the maintenance sweep removes previews older than 24 hours, applied or not; a younger one stays and can be confirmed", async () => {
    await createSubjectTree();
    const exported = await exportSubjectTree(admin, "AZIENDE", "json");
    const old = await previewSubjectImport(admin, "AZIENDE", file(exported.fileName, exported.body));
    const young = await previewSubjectImport(admin, "AZIENDE", file(exported.fileName, exported.body));
    const now = new Date();
    await prisma.subjectImport.update({ where: { id: old.id }, data: { createdAt: new Date(now.getTime() - 25 * 3_600_000) } });
    await prisma.subjectImport.update({ where: { id: young.id }, data: { createdAt: new Date(now.getTime() - 23 * 3_600_000) } });
    const dataDir = await mkdtemp(join(tmpdir(), "cb-sweep-"));
    const config = parseConfig({ ...process.env, DATA_DIR: dataDir, STORAGE: "disk" });

    const report = await runMaintenanceSweep({ databaseUrl: process.env.DATABASE_URL!, prisma, config }, now);

    expect(report?.subjectImports).toBe(1);
    expect((await prisma.subjectImport.findMany({ select: { id: true } })).map(({ id }) => id)).toEqual([young.id]);
    await expect(applySubjectImport(admin, old.id, { planHash: "0".repeat(64) })).rejects.toEqual(new NotFoundError(IMPORT_NOT_FOUND));
    const kept = await getSubjectImport(admin, young.id);
    expect(await applySubjectImport(admin, young.id, { planHash: kept.planHash })).toEqual({ changed: 0 });
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe("access", () => {
  it.each(["OPERATORE", "RESPONSABILE"] as const)("a %s is told every service does not exist (forged forms too)", async (role) => {
    const { area, subject } = await createSubjectTree();
    const actor = await operatorActor((await createOffice()).id, role);
    const { id } = await previewSubjectImport(admin, "AZIENDE", file("a.json", "{}"));
    const calls = [
      getSubjectTree(actor, "AZIENDE"),
      getSubject(actor, subject.id),
      createSubject(actor, "AZIENDE", fields({ code: "Z", label: "Z" })),
      updateSubject(actor, subject.id, { ...fields({ label: "Z", parentId: area.id }), expectedVersion: "0" }),
      updateSubject(actor, subject.id, { active: "false", expectedVersion: "0" }),
      exportSubjectTree(actor, "AZIENDE", "json"),
      previewSubjectImport(actor, "AZIENDE", file("a.json", "{}")),
      getSubjectImport(actor, id),
      applySubjectImport(actor, id, { planHash: "0".repeat(64) }),
    ];
    for (const call of calls) await expect(call).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.subject.findUniqueOrThrow({ where: { id: subject.id } })).toMatchObject({ label: subject.label, active: true });
  });

  it("another administrator's import preview is not found", async () => {
    const other = await operatorActor((await createOffice()).id, "ADMIN");
    const { id } = await previewSubjectImport(admin, "AZIENDE", file("a.json", "{}"));
    await expect(getSubjectImport(other, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applySubjectImport(other, id, { planHash: "0".repeat(64) })).rejects.toBeInstanceOf(NotFoundError);
  });
});
