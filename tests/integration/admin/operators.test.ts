import { beforeEach, describe, expect, it } from "vitest";
import { createOperator } from "@/server/admin/create-operator";
import { deactivateOperator } from "@/server/admin/deactivate-operator";
import { listOperators } from "@/server/admin/list-operators";
import { LAST_ADMIN, OWN_ADMIN_ROLE, STALE_OPERATOR } from "@/server/admin/operator-changes";
import { reactivateOperator } from "@/server/admin/reactivate-operator";
import { updateOperator } from "@/server/admin/update-operator";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";
import { prisma } from "@/server/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { checkSession } from "@/server/identity/check-session";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { startSession } from "@/server/identity/start-session";
import { createOffice, createOperator as createOperatorRow, uniqueCodiceFiscale } from "../../support/fixtures";
import { resetDatabase } from "../../support/test-database";

async function actorOf(operatorId: string): Promise<OperatorActor> {
  const actor = await resolveOperator(operatorId);
  if (!actor) throw new Error("operator not resolved");
  return actor;
}

async function actorWithRole(role: OperatorActor["role"]): Promise<OperatorActor> {
  const office = await createOffice();
  return actorOf((await createOperatorRow(office.id, role)).id);
}

const versionOf = async (operatorId: string) => (await prisma.operator.findUniqueOrThrow({ where: { id: operatorId } })).version;

beforeEach(async () => {
  await resetDatabase();
});

describe("operators and roles", () => {
  it("adds an operator by codice fiscale with office and role, recorded with the values after", async () => {
    const admin = await actorWithRole("ADMIN");
    const office = await createOffice();
    const codiceFiscale = uniqueCodiceFiscale();
    const input = {
      codiceFiscale: codiceFiscale.toLowerCase(),
      givenName: "Lucia",
      familyName: "Ferri",
      email: "lucia.ferri@inps.it",
      officeId: office.id,
      role: "RESPONSABILE",
    };

    const created = await createOperator(admin, input);
    expect(await prisma.operator.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      codiceFiscale,
      role: "RESPONSABILE",
      active: true,
      version: 0,
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "AMMINISTRAZIONE_CREAZIONE" } });
    expect(entry).toMatchObject({ targetType: "OPERATORE", targetId: codiceFiscale, before: null, page: "/admin/operatori" });
    expect(JSON.parse(entry.after!)).toMatchObject({ office: office.code, role: "RESPONSABILE", active: true });

    await expect(createOperator(admin, input)).rejects.toMatchObject({
      fieldErrors: { codiceFiscale: [expect.stringContaining("Esiste già")] },
    });
    await expect(
      createOperator(admin, { ...input, codiceFiscale: "RSSMRA80A01H501X", officeId: "0190a000-0000-7000-8000-000000000000", email: "x" }),
    ).rejects.toMatchObject({
      fieldErrors: { codiceFiscale: [expect.any(String)], email: [expect.any(String)] },
    });
    expect(await prisma.operator.count()).toBe(2);
  });

  it("changes office and role, effective at the operator's next request, with the values before and after", async () => {
    const admin = await actorWithRole("ADMIN");
    const operator = await actorWithRole("OPERATORE");
    const other = await createOffice();

    await updateOperator(admin, { operatorId: operator.operatorId, expectedVersion: "0", officeId: other.id, role: "RESPONSABILE" });
    const next = await actorOf(operator.operatorId);
    expect(next).toMatchObject({ role: "RESPONSABILE", office: { id: other.id } });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "AMMINISTRAZIONE_MODIFICA" } });
    expect(JSON.parse(entry.before!)).toEqual({ office: operator.office.code, role: "OPERATORE" });
    expect(JSON.parse(entry.after!)).toEqual({ office: other.code, role: "RESPONSABILE" });

    // Nothing changed: nothing written.
    expect(
      await updateOperator(admin, { operatorId: operator.operatorId, expectedVersion: "1", officeId: other.id, role: "RESPONSABILE" }),
    ).toMatchObject({ changed: false });
    expect(await prisma.auditEntry.count()).toBe(1);
  });

  it("tells the second of two administrators editing the same operator that it changed meanwhile", async () => {
    const [admin, second] = [await actorWithRole("ADMIN"), await actorWithRole("ADMIN")];
    const operator = await actorWithRole("OPERATORE");
    const edits = await Promise.allSettled([
      updateOperator(admin, { operatorId: operator.operatorId, expectedVersion: "0", officeId: operator.office.id, role: "RESPONSABILE" }),
      updateOperator(second, { operatorId: operator.operatorId, expectedVersion: "0", officeId: operator.office.id, role: "ADMIN" }),
    ]);
    expect(edits.filter((edit) => edit.status === "fulfilled")).toHaveLength(1);
    const refused = edits.find((edit) => edit.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(ConflictError);
    expect(refused?.reason.message).toBe(STALE_OPERATOR);
    expect(await versionOf(operator.operatorId)).toBe(1);
    expect(await prisma.auditEntry.count()).toBe(1);
  });

  it("deactivates an operator: their sessions end and their next request is refused; reactivation lets them in again", async () => {
    const admin = await actorWithRole("ADMIN");
    const operator = await actorWithRole("OPERATORE");
    const now = new Date();
    const session = await startSession("fascicolo", operator.operatorId, now);

    await deactivateOperator(admin, { operatorId: operator.operatorId, expectedVersion: "0" }, now);
    expect(await prisma.authSession.findUniqueOrThrow({ where: { id: session } })).toMatchObject({ endReason: "OPERATOR_DEACTIVATED" });
    expect(await checkSession("fascicolo", session, operator.operatorId, now)).toBe(false);
    expect(await resolveOperator(operator.operatorId)).toBeNull();

    await reactivateOperator(admin, { operatorId: operator.operatorId, expectedVersion: "1" });
    expect(await resolveOperator(operator.operatorId)).toMatchObject({ role: "OPERATORE" });
    expect((await prisma.auditEntry.findMany({ orderBy: { sequence: "asc" } })).map((entry) => [entry.action, entry.after])).toEqual([
      ["AMMINISTRAZIONE_DISATTIVAZIONE", '{"active":false}'],
      ["AMMINISTRAZIONE_RIATTIVAZIONE", '{"active":true}'],
    ]);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, count: 2 });
  });

  it("refuses an admin's own demotion or deactivation, and the last active admin's", async () => {
    const admin = await actorWithRole("ADMIN");
    const own = { operatorId: admin.operatorId, expectedVersion: "0" };
    await expect(updateOperator(admin, { ...own, officeId: admin.office.id, role: "OPERATORE" })).rejects.toThrow(OWN_ADMIN_ROLE);
    await expect(deactivateOperator(admin, own)).rejects.toThrow(OWN_ADMIN_ROLE);
    // Their office may change.
    const other = await createOffice();
    await updateOperator(admin, { ...own, officeId: other.id, role: "ADMIN" });

    // The last active admin: another (deactivated) admin demoting them is refused too.
    const inactive = await actorWithRole("ADMIN");
    await prisma.operator.update({ where: { id: inactive.operatorId }, data: { active: false } });
    await expect(
      updateOperator(inactive, { operatorId: admin.operatorId, expectedVersion: "1", officeId: other.id, role: "OPERATORE" }),
    ).rejects.toThrow(LAST_ADMIN);
    expect((await prisma.operator.findUniqueOrThrow({ where: { id: admin.operatorId } })).role).toBe("ADMIN");
  });

  it("never leaves zero active admins when two admins demote each other at once", async () => {
    const [first, second] = [await actorWithRole("ADMIN"), await actorWithRole("ADMIN")];
    const outcomes = await Promise.allSettled([
      updateOperator(first, { operatorId: second.operatorId, expectedVersion: "0", officeId: second.office.id, role: "OPERATORE" }),
      deactivateOperator(second, { operatorId: first.operatorId, expectedVersion: "0" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(ForbiddenError);
    expect(await prisma.operator.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("is not found for an OPERATORE or a RESPONSABILE, forged forms included", async () => {
    const target = await actorWithRole("OPERATORE");
    const office = await createOffice();
    for (const role of ["OPERATORE", "RESPONSABILE"] as const) {
      const actor = await actorWithRole(role);
      const status = { operatorId: target.operatorId, expectedVersion: "0" };
      await expect(listOperators(actor)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        createOperator(actor, {
          codiceFiscale: uniqueCodiceFiscale(),
          givenName: "A",
          familyName: "B",
          email: "a@b.it",
          officeId: office.id,
          role: "ADMIN",
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateOperator(actor, { ...status, officeId: office.id, role: "ADMIN" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deactivateOperator(actor, status)).rejects.toBeInstanceOf(NotFoundError);
      await expect(reactivateOperator(actor, status)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.auditEntry.count()).toBe(0);
    expect((await prisma.operator.findUniqueOrThrow({ where: { id: target.operatorId } })).version).toBe(0);
  });

  it("lists every operator with the offices to choose from, for an ADMIN; an unknown operator is not found", async () => {
    const admin = await actorWithRole("ADMIN");
    const view = await listOperators(admin);
    expect(view.operators.map((operator) => operator.id)).toEqual([admin.operatorId]);
    expect(view.offices.map((office) => office.id)).toEqual([admin.office.id]);
    await expect(
      deactivateOperator(admin, { operatorId: "0190a000-0000-7000-8000-000000000000", expectedVersion: "0" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deactivateOperator(admin, { operatorId: "x", expectedVersion: "" })).rejects.toBeInstanceOf(ValidationError);
  });
});
