import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getSmartTaskEnablement } from "@/server/admin/get-smart-task-enablement";
import { updateSmartTaskOpening } from "@/server/admin/update-smart-task-opening";
import { updateSmartTaskPilotGroup } from "@/server/admin/update-smart-task-pilot-group";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { availableSmartTaskKinds } from "@/server/smart-tasks/enablement";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { KIND_NOT_AVAILABLE } from "@/server/smart-tasks/schemas";
import { createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { resetDatabase } from "../../support/test-database";

const KIND = "CANCELLAZIONE_CONTATTI_ANOMALI";
/** Valid codici fiscali of the demo (check characters right). */
const MARIO = "RSSMRA78E14H501S";
const GIULIA = "BNCGLI85C62F205V";

let admin: OperatorActor;

beforeEach(async () => {
  await resetDatabase();
  admin = await operatorActor((await createOffice()).id, "ADMIN");
});

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

const adminChanges = () =>
  prisma.auditEntry.findMany({
    where: { targetType: "SMART_TASK" },
    orderBy: { sequence: "asc" },
    select: { action: true, targetId: true, before: true, after: true, page: true, actorOperatorId: true },
  });

describe("Smart-Task enablement on /admin/smart-task", () => {
  it("lists every kind disabled until set, opens one with its audit entry, and filing reads it at once", async () => {
    const view = await getSmartTaskEnablement(admin);
    expect(view.kinds).toHaveLength(5);
    expect(view.kinds.find((entry) => entry.kind === KIND)).toMatchObject({ opening: "DISABILITATO", version: 0 });
    expect(view.pilotGroup).toEqual({ codiciFiscali: [], version: 0 });

    const holder = await createPerson("Titolare");
    const asHolder = contributorActor(holder);
    expect(await availableSmartTaskKinds(asHolder)).toEqual([]);

    await updateSmartTaskOpening(admin, { kind: KIND, opening: "TUTTI", expectedVersion: "0" });
    expect(await availableSmartTaskKinds(asHolder)).toEqual([KIND]);
    await updateSmartTaskOpening(admin, { kind: KIND, opening: "PILOTA", expectedVersion: "1" });
    expect(await availableSmartTaskKinds(asHolder)).toEqual([]);

    expect(await adminChanges()).toEqual([
      {
        action: "AMMINISTRAZIONE_MODIFICA",
        targetId: KIND,
        before: '{"opening":"DISABILITATO"}',
        after: '{"opening":"TUTTI"}',
        page: "/admin/smart-task",
        actorOperatorId: admin.operatorId,
      },
      expect.objectContaining({ before: '{"opening":"TUTTI"}', after: '{"opening":"PILOTA"}' }),
    ]);
    expect((await getSmartTaskEnablement(admin)).kinds.find((entry) => entry.kind === KIND)).toMatchObject({
      opening: "PILOTA",
      version: 2,
    });
  });

  it("saves the pilot group one codice fiscale a line, normalised, and opens PILOTA kinds to its members only", async () => {
    await updateSmartTaskOpening(admin, { kind: KIND, opening: "PILOTA", expectedVersion: "0" });
    const result = await updateSmartTaskPilotGroup(admin, {
      codiciFiscali: ` ${MARIO.toLowerCase()}\r\n\r\n${GIULIA}\n${MARIO}`,
      expectedVersion: "0",
    });
    expect(result).toEqual({ members: 2, changed: true });
    expect((await getSmartTaskEnablement(admin)).pilotGroup).toEqual({ codiciFiscali: [MARIO, GIULIA], version: 1 });

    const mario = contributorActor({ id: randomUUID(), codiceFiscale: MARIO });
    const other = contributorActor(await createPerson("Altro"));
    expect(await availableSmartTaskKinds(mario)).toEqual([KIND]);
    expect(await availableSmartTaskKinds(other)).toEqual([]);
    expect((await adminChanges()).at(-1)).toMatchObject({
      targetId: "GRUPPO_PILOTA",
      before: '{"codiciFiscali":[]}',
      after: `{"codiciFiscali":["${MARIO}","${GIULIA}"]}`,
    });
  });

  it("names each wrong line of the pilot group in Italian and saves nothing", async () => {
    const error = await refusal(
      updateSmartTaskPilotGroup(admin, { codiciFiscali: `${MARIO}\nRSSMRA78\n\n${GIULIA.slice(0, 15)}A`, expectedVersion: "0" }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      codiciFiscali: [
        "Riga 2: «RSSMRA78» non è valido. Il codice fiscale deve essere di 16 caratteri.",
        `Riga 4: «${GIULIA.slice(0, 15)}A» non è valido. Il carattere di controllo del codice fiscale non è corretto.`,
      ],
    });
    expect(await prisma.smartTaskPilotGroup.count()).toBe(0);
    expect(await adminChanges()).toEqual([]);
  });

  it("refuses a stale version and forged fields, writing nothing", async () => {
    await updateSmartTaskOpening(admin, { kind: KIND, opening: "TUTTI", expectedVersion: "0" });
    expect(await refusal(updateSmartTaskOpening(admin, { kind: KIND, opening: "DISABILITATO", expectedVersion: "0" }))).toBeInstanceOf(
      ConflictError,
    );
    const forged = await refusal(updateSmartTaskOpening(admin, { kind: "CANCELLA_TUTTO", opening: "SEMPRE", expectedVersion: "" }));
    expect(forged).toBeInstanceOf(ValidationError);
    expect(Object.keys((forged as ValidationError).fieldErrors).sort()).toEqual(["expectedVersion", "kind", "opening"]);
    await updateSmartTaskPilotGroup(admin, { codiciFiscali: MARIO, expectedVersion: "0" });
    expect(await refusal(updateSmartTaskPilotGroup(admin, { codiciFiscali: GIULIA, expectedVersion: "0" }))).toBeInstanceOf(ConflictError);
    expect(await adminChanges()).toHaveLength(2);
  });

  it("is not found for an OPERATORE or a RESPONSABILE, forged forms included", async () => {
    const office = await createOffice();
    for (const role of ["OPERATORE", "RESPONSABILE"] as const) {
      const actor = await operatorActor(office.id, role);
      expect(await refusal(getSmartTaskEnablement(actor))).toBeInstanceOf(NotFoundError);
      expect(await refusal(updateSmartTaskOpening(actor, { kind: KIND, opening: "TUTTI", expectedVersion: "0" }))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await refusal(updateSmartTaskPilotGroup(actor, { codiciFiscali: MARIO, expectedVersion: "0" }))).toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.smartTaskEnablement.count()).toBe(0);
    expect(await prisma.smartTaskPilotGroup.count()).toBe(0);
  });

  it("a disabled kind cannot be filed, even by a forged form naming it", async () => {
    const holder = await createPerson("Titolare");
    const position = await createPosition(holder.id, (await createOffice()).id, "AZIENDE");
    await updateSmartTaskOpening(admin, { kind: KIND, opening: "TUTTI", expectedVersion: "0" });
    await updateSmartTaskOpening(admin, { kind: KIND, opening: "DISABILITATO", expectedVersion: "1" });
    const error = await refusal(
      fileSmartTask(contributorActor(holder), { kind: KIND, positionId: position.id, idempotencyKey: randomUUID() }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ kind: [KIND_NOT_AVAILABLE] });
    expect(await prisma.smartTask.count()).toBe(0);
  });
});
