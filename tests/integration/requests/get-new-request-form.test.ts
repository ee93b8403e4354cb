import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { getNewRequestForm } from "@/server/requests/get-new-request-form";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { seedDatabase } from "../../../prisma/seed/seed-database";
import { createDelegation, createOffice, createPerson, createPosition } from "../../support/fixtures";
import { contributorActor } from "../../support/quesito-fixtures";

const now = new Date("2026-11-20T10:00:00Z");

describe("getNewRequestForm", () => {
  let officeId: string;

  beforeAll(async () => {
    await seedDatabase(prisma, { includeDemo: false });
    officeId = (await createOffice()).id;
  });

  it("offers the positions first, then the chosen one's subjects, limits and contact rules", async () => {
    const holder = await createPerson("Titolare");
    await prisma.contactProfile.create({
      data: {
        personId: holder.id,
        gestione: "GS_PROFESSIONISTI",
        email: "giulia@example.it",
        pec: "giulia@pec.example.it",
        mobile: "+393330000002",
      },
    });
    const professionista = await createPosition(holder.id, officeId, "GS_PROFESSIONISTI");
    const committente = await createPosition(holder.id, officeId, "GS_COMMITTENTI");
    await prisma.archiveContact.create({ data: { positionId: committente.id, email: "studio@example.it", landline: "+39021234567" } });

    const step1 = await getNewRequestForm(contributorActor(holder), {}, now);
    expect(step1.positions).toHaveLength(2);
    expect(step1.selected).toBeNull();
    expect(step1.contacts).toEqual({ email: "", pec: "", mobile: "", landline: "", fax: "" });

    const step2 = await getNewRequestForm(contributorActor(holder), { positionId: professionista.id }, now);
    expect(step2.selected?.position.id).toBe(professionista.id);
    expect(step2.contacts).toEqual({
      email: "giulia@example.it",
      pec: "giulia@pec.example.it",
      mobile: "+393330000002",
      landline: "",
      fax: "",
    });
    const archived = await getNewRequestForm(contributorActor(holder), { positionId: committente.id }, now);
    expect(archived.contacts).toEqual({ email: "studio@example.it", pec: "", mobile: "", landline: "+39021234567", fax: "" });
    expect(step2.selected?.rules).toEqual({
      label: "Gestione Separata – Liberi professionisti",
      pecRequired: true,
      emailOrPhoneRequired: true,
    });
    expect(step2.selected?.limits).toEqual({ maxFiles: 5, maxBytesPerFile: 1024 * 1024 });
    const tree = await prisma.subject.findMany({ where: { gestione: "GS_PROFESSIONISTI", parentId: null }, orderBy: { sortOrder: "asc" } });
    expect(step2.selected?.areas.map((area) => area.id)).toEqual(tree.map((area) => area.id));
    expect(await getUploadLimits(contributorActor(holder), { positionId: professionista.id }, now)).toEqual({
      maxFiles: 5,
      maxBytesPerFile: 1024 * 1024,
    });
  });

  it("leaves the Istanze online out of a committenti position's subjects, naming the area for the link to its forms", async () => {
    const holder = await createPerson("Committente");
    const committente = await createPosition(holder.id, officeId, "GS_COMMITTENTI");
    const aziende = await createPosition(holder.id, officeId, "AZIENDE");
    const instances = await prisma.subject.findUniqueOrThrow({
      where: { gestione_code: { gestione: "GS_COMMITTENTI", code: "GSC-ISTA" } },
    });

    const form = await getNewRequestForm(contributorActor(holder), { positionId: committente.id }, now);
    expect(form.selected?.instanceArea).toBe("Istanze online");
    expect(form.selected?.areas.map((area) => area.id)).not.toContain(instances.id);
    expect(form.selected?.areas.length).toBeGreaterThan(0);
    expect((await getNewRequestForm(contributorActor(holder), { positionId: aziende.id }, now)).selected?.instanceArea).toBeNull();
  });

  it("goes straight to the second step with a single position", async () => {
    const holder = await createPerson("Titolare unico");
    const only = await createPosition(holder.id, officeId, "AZIENDE");
    const form = await getNewRequestForm(contributorActor(holder), {}, now);
    expect(form.selected?.position.id).toBe(only.id);
    expect(form.contacts.email).toBe("");
  });

  it("leaves out retired subjects and areas without active subjects, keeping the order", async () => {
    const holder = await createPerson("Titolare");
    const position = await createPosition(holder.id, officeId, "ARTIGIANI_COMMERCIANTI");
    const [first, second] = await prisma.subject.findMany({
      where: { gestione: "ARTIGIANI_COMMERCIANTI", parentId: null },
      orderBy: { sortOrder: "asc" },
      include: { children: { orderBy: { sortOrder: "asc" } } },
    });
    if (!first || !second) throw new Error("the seed has at least two areas");
    const retiredChild = first.children[0];
    if (!retiredChild) throw new Error("the seed's areas have subjects");
    await prisma.subject.update({ where: { id: retiredChild.id }, data: { active: false } });
    await prisma.subject.updateMany({ where: { parentId: second.id }, data: { active: false } });
    try {
      const form = await getNewRequestForm(contributorActor(holder), { positionId: position.id }, now);
      const areas = form.selected?.areas ?? [];
      expect(areas.map((area) => area.id)).not.toContain(second.id);
      expect(areas[0]?.id).toBe(first.id);
      expect(areas[0]?.subjects.map((subject) => subject.id)).toEqual(first.children.slice(1).map((child) => child.id));
    } finally {
      await prisma.subject.updateMany({ where: { gestione: "ARTIGIANI_COMMERCIANTI" }, data: { active: true } });
    }
  });

  it("does not find a position the actor may not act on", async () => {
    const holder = await createPerson("Titolare");
    const position = await createPosition(holder.id, officeId, "AZIENDE");
    const stranger = await createPerson("Estraneo");
    const former = await createPerson("Ex intermediario");
    await createDelegation({
      holderId: holder.id,
      delegateId: former.id,
      positionIds: [position.id],
      validTo: new Date("2026-11-01T00:00:00Z"),
    });

    await expect(getNewRequestForm(contributorActor(stranger), { positionId: position.id }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNewRequestForm(contributorActor(former, "INTERMEDIARIO"), { positionId: position.id }, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getUploadLimits(contributorActor(stranger), { positionId: position.id }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUploadLimits(contributorActor(stranger), { requestId: "x" }, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
