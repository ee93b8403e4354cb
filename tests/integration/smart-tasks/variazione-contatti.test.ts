import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { ContributorActor } from "@/server/identity/actor";
import { parseConfig } from "@/server/config";
import { confirmContactChange } from "@/server/contacts/confirm-contact-change";
import { requestContactVerification } from "@/server/contacts/request-contact-verification";
import { updateContacts } from "@/server/contacts/update-contacts";
import { prisma } from "@/server/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";
import { codeSentTo } from "../../support/contact-code";
import { createDelegation, createPerson } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";
import { delegatedPosition, openSmartTasks } from "./smart-task-fixtures";
import { resetDatabase } from "../../support/test-database";

const config = () => parseConfig(process.env);
const GESTIONE = "AZIENDE";

beforeEach(async () => {
  await resetDatabase();
  await openSmartTasks("VARIAZIONE_CONTATTI_INTERMEDIARIO", "VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE");
});

/** The delegate verifies a new address with the code sent to it: verified, not yet in force. */
async function verify(actor: ContributorActor, field: "email" | "pec" | "mobile", address: string) {
  const [pending] = await requestContactVerification(actor, { gestione: GESTIONE, [field]: address });
  const confirmed = await confirmContactChange(actor, { changeId: pending?.id ?? "", code: await codeSentTo(address) });
  expect(confirmed.inForce).toBe(false);
  return pending?.id ?? "";
}

async function fileAndProcess(actor: ContributorActor, positionId: string, kind: string, fields: Record<string, string>) {
  const filed = await fileSmartTask(actor, { kind, positionId, idempotencyKey: randomUUID(), ...fields });
  const task = await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } });
  const status = await processSmartTask(prisma, config(), task.id);
  return { filed, status, task: await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } }) };
}

/** The e-mail the fixture gave the delegate in the archives. */
const archiveEmail = (person: { codiceFiscale: string }) => `${person.codiceFiscale.toLowerCase()}@example.it`;

const ownProfile = (personId: string) =>
  prisma.contactProfile.findUnique({ where: { personId_gestione: { personId, gestione: GESTIONE } } });

describe("VARIAZIONE CONTATTI INTERMEDIARIO", () => {
  it("applies the intermediary's own verified e-mail and a landline when Accolta, the holder's contacts untouched", async () => {
    const { position, holder, asIntermediary, intermediary } = await delegatedPosition();
    const changeId = await verify(asIntermediary, "email", "nuovo.studio@example.it");
    const verified = await prisma.contactChange.findUniqueOrThrow({ where: { id: changeId } });
    expect(verified).toMatchObject({ status: "VERIFIED", codeHash: null, oldValue: archiveEmail(intermediary) });
    expect(await ownProfile(intermediary.id)).toMatchObject({ email: archiveEmail(intermediary) });

    const { status, task } = await fileAndProcess(asIntermediary, position.id, "VARIAZIONE_CONTATTI_INTERMEDIARIO", {
      email: "Nuovo.Studio@example.it",
      landline: "06 7654321",
    });
    expect(status).toBe("ACCOLTA");
    expect(task.checks).toMatchObject([
      { code: "DELEGA_IN_VIGORE", passed: true },
      { code: "RECAPITI_VERIFICATI", passed: true },
    ]);
    expect(await ownProfile(intermediary.id)).toMatchObject({ email: "nuovo.studio@example.it", landline: "+39067654321" });
    expect(await prisma.contactChange.findUniqueOrThrow({ where: { id: changeId } })).toMatchObject({ status: "APPLIED" });
    const landline = await prisma.contactChange.findFirstOrThrow({ where: { field: "LANDLINE" } });
    expect(landline).toMatchObject({ status: "APPLIED", newValue: "+39067654321", changedById: intermediary.id });
    expect(await ownProfile(holder.id)).toBeNull();
  });

  it("is Non accolta with the reason, nothing changed, when the new e-mail's code was never typed", async () => {
    const { position, asIntermediary, intermediary } = await delegatedPosition();
    await requestContactVerification(asIntermediary, { gestione: GESTIONE, email: "mai.verificata@example.it" });

    const { status, task, filed } = await fileAndProcess(asIntermediary, position.id, "VARIAZIONE_CONTATTI_INTERMEDIARIO", {
      email: "mai.verificata@example.it",
    });
    expect(status).toBe("NON_ACCOLTA");
    const reason =
      "Recapiti non verificati da te con il codice inviato: E-mail mai.verificata@example.it. Verificarli e presentare di nuovo la richiesta.";
    expect(task.checks).toMatchObject([
      { code: "DELEGA_IN_VIGORE", passed: true },
      { code: "RECAPITI_VERIFICATI", passed: false, reason },
    ]);
    const closing = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: filed.id, type: "CHIUSA" } });
    expect(closing.comment).toBe(`Richiesta non accolta. ${reason}`);
    expect(await ownProfile(intermediary.id)).toMatchObject({ email: archiveEmail(intermediary) });
    expect(await prisma.contactChange.count({ where: { status: "APPLIED" } })).toBe(0);
  });

  it("never reaches the holder's contacts: a forged person or profile and the holder's verified address are Non accolta", async () => {
    const { position, holder, asHolder, asIntermediary, intermediary } = await delegatedPosition();
    await updateContacts(asHolder, { gestione: GESTIONE, email: "titolare@example.it", holderNotices: "on" });
    const holderProfile = await prisma.contactProfile.findUniqueOrThrow({
      where: { personId_gestione: { personId: holder.id, gestione: GESTIONE } },
    });
    const holderChange = await prisma.contactChange.findFirstOrThrow({ where: { profileId: holderProfile.id, field: "EMAIL" } });
    await confirmContactChange(asHolder, { changeId: holderChange.id, code: await codeSentTo("titolare@example.it") });

    const { status, task } = await fileAndProcess(asIntermediary, position.id, "VARIAZIONE_CONTATTI_INTERMEDIARIO", {
      email: "titolare@example.it",
      personId: holder.id,
      profileId: holderProfile.id,
      holderId: holder.id,
    });
    expect(status).toBe("NON_ACCOLTA");
    expect(task.payload).toEqual({ email: "titolare@example.it" });
    expect(task.checks).toMatchObject([{ passed: true }, { code: "RECAPITI_VERIFICATI", passed: false }]);
    expect(await prisma.contactProfile.findUniqueOrThrow({ where: { id: holderProfile.id } })).toEqual({
      ...holderProfile,
      email: "titolare@example.it",
      updatedAt: expect.any(Date),
    });
    expect(await ownProfile(intermediary.id)).toBeNull();
    expect(await prisma.contactChange.count({ where: { changedById: intermediary.id } })).toBe(0);
  });

  it("is Non accolta when the delegation ended between filing and processing", async () => {
    const { position, delegation, asIntermediary, intermediary } = await delegatedPosition();
    await verify(asIntermediary, "pec", "studio@pec.example.it");
    const filed = await fileSmartTask(asIntermediary, {
      kind: "VARIAZIONE_CONTATTI_INTERMEDIARIO",
      positionId: position.id,
      idempotencyKey: randomUUID(),
      pec: "studio@pec.example.it",
    });
    await prisma.delegation.update({ where: { id: delegation.id }, data: { status: "REVOKED", revokedAt: new Date() } });
    const task = await prisma.smartTask.findUniqueOrThrow({ where: { requestId: filed.id } });
    expect(await processSmartTask(prisma, config(), task.id)).toBe("NON_ACCOLTA");
    expect((await prisma.smartTask.findUniqueOrThrow({ where: { id: task.id } })).checks).toMatchObject([
      { code: "DELEGA_IN_VIGORE", passed: false },
    ]);
    expect(await ownProfile(intermediary.id)).toMatchObject({ pec: null });
  });

  it("asks for at least one well-formed contact when filed", async () => {
    const { position, asIntermediary } = await delegatedPosition();
    const file = (fields: Record<string, string>) =>
      fileSmartTask(asIntermediary, { kind: "VARIAZIONE_CONTATTI_INTERMEDIARIO", positionId: position.id, ...fields });
    await expect(file({ email: "" })).rejects.toMatchObject({ fieldErrors: { email: ["Indicare almeno un nuovo recapito."] } });
    await expect(file({ mobile: "06 1234" })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.smartTask.count()).toBe(0);
  });
});

describe("verifying a delegate's own new address", () => {
  it("is for delegates only, in a gestione they act in", async () => {
    const { asHolder, asIntermediary } = await delegatedPosition();
    await expect(requestContactVerification(asHolder, { gestione: GESTIONE, email: "a@example.it" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      requestContactVerification(asIntermediary, { gestione: "ARTIGIANI_COMMERCIANTI", email: "a@example.it" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const stranger = contributorActor(await createPerson("Estraneo"), "INTERMEDIARIO");
    await expect(requestContactVerification(stranger, { gestione: GESTIONE, email: "a@example.it" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.contactChange.count()).toBe(0);
  });
});

describe("VARIAZIONE CONTATTI DIPENDENTE AZIENDALE", () => {
  it("applies the employee's own verified mobile when Accolta; an intermediary's delegation does not entitle", async () => {
    const { position, holder, asIntermediary } = await delegatedPosition();
    const employee = await createPerson("Dipendente");
    await createDelegation({ holderId: holder.id, delegateId: employee.id, positionIds: [position.id], kind: "DIPENDENTE" });
    const asEmployee = contributorActor(employee, "DIPENDENTE");
    await verify(asEmployee, "mobile", "+393471234567");

    const { status } = await fileAndProcess(asEmployee, position.id, "VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE", {
      mobile: "347 1234567",
    });
    expect(status).toBe("ACCOLTA");
    expect(await ownProfile(employee.id)).toMatchObject({ mobile: "+393471234567" });
    expect(await ownProfile(holder.id)).toBeNull();

    await expect(
      fileSmartTask(asIntermediary, {
        kind: "VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE",
        positionId: position.id,
        mobile: "347 1234567",
      }),
    ).rejects.toMatchObject({ fieldErrors: { kind: [expect.any(String)] } });
  });
});
