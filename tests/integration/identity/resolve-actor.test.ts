import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import {
  authenticateDemoOperator,
  authenticateDemoPerson,
  authenticateOperatorFromClaims,
  authenticatePersonFromClaims,
} from "@/server/identity/authenticate";
import { FISCAL_NUMBER_CLAIM } from "@/server/identity/identity-claims";
import { resolveContributor } from "@/server/identity/resolve-contributor";
import { resolveOperator } from "@/server/identity/resolve-operator";
import { stubProductionEnv } from "../../support/production-env";
import { createDelegation, createOffice, createOperator, createPerson, createPosition, uniqueCodiceFiscale } from "../../support/fixtures";

afterEach(() => vi.unstubAllEnvs());

describe("resolveContributor", () => {
  it("acts as holder straight away when that is the only profile", async () => {
    const office = await createOffice();
    const holder = await createPerson();
    await createPosition(holder.id, office.id);

    const resolution = await resolveContributor(holder.id, undefined);

    expect(resolution).toMatchObject({ status: "ok", actor: { profile: "TITOLARE", personId: holder.id } });
  });

  it("asks a holder who is also an intermediary to choose, and honours the choice", async () => {
    const office = await createOffice();
    const person = await createPerson();
    const client = await createPerson();
    await createPosition(person.id, office.id);
    const clientPosition = await createPosition(client.id, office.id);
    await createDelegation({ holderId: client.id, delegateId: person.id, positionIds: [clientPosition.id] });

    expect(await resolveContributor(person.id, undefined)).toEqual({
      status: "choose-profile",
      displayName: `${person.givenName} ${person.familyName}`,
      profiles: ["TITOLARE", "INTERMEDIARIO"],
    });
    expect(await resolveContributor(person.id, "INTERMEDIARIO")).toMatchObject({
      status: "ok",
      actor: { profile: "INTERMEDIARIO", availableProfiles: ["TITOLARE", "INTERMEDIARIO"] },
    });
  });

  it("ignores a profile the person does not have", async () => {
    const office = await createOffice();
    const person = await createPerson();
    const client = await createPerson();
    await createPosition(person.id, office.id);
    const clientPosition = await createPosition(client.id, office.id);
    await createDelegation({ holderId: client.id, delegateId: person.id, positionIds: [clientPosition.id] });

    expect((await resolveContributor(person.id, "DIPENDENTE")).status).toBe("choose-profile");
  });

  it("does not know a person who no longer exists", async () => {
    expect(await resolveContributor("0190b7f1-7b1a-7cc0-8a00-000000000000", undefined)).toEqual({ status: "unknown" });
  });
});

describe("resolveOperator", () => {
  it("resolves an active operator with office and role, and nobody once disabled", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id, "RESPONSABILE");

    expect(await resolveOperator(operator.id)).toMatchObject({
      kind: "operator",
      role: "RESPONSABILE",
      office: { id: office.id, code: office.code },
    });

    await prisma.operator.update({ where: { id: operator.id }, data: { active: false } });
    expect(await resolveOperator(operator.id)).toBeNull();
  });
});

describe("authentication", () => {
  it("signs in demo identities only outside production", async () => {
    const office = await createOffice();
    const person = await createPerson();
    const operator = await createOperator(office.id);
    vi.stubEnv("APP_ENV", "demo");
    expect(await authenticateDemoPerson(person.codiceFiscale)).toEqual({
      status: "ok",
      id: person.id,
      codiceFiscale: person.codiceFiscale,
    });
    expect(await authenticateDemoOperator(operator.codiceFiscale)).toEqual({
      status: "ok",
      id: operator.id,
      codiceFiscale: operator.codiceFiscale,
    });
    const stranger = uniqueCodiceFiscale();
    expect(await authenticateDemoPerson(stranger)).toEqual({ status: "refused", refusal: "unknown-identity", codiceFiscale: stranger });
    // Arbitrary text is refused without being repeated in the security log.
    expect(await authenticateDemoPerson("<script>")).toEqual({ status: "refused", refusal: "unknown-identity" });
    await prisma.operator.update({ where: { id: operator.id }, data: { active: false } });
    expect(await authenticateDemoOperator(operator.codiceFiscale)).toMatchObject({ status: "refused", refusal: "operator-not-enabled" });

    stubProductionEnv();
    await expect(authenticateDemoPerson(person.codiceFiscale)).rejects.toBeInstanceOf(NotFoundError);
    await expect(authenticateDemoOperator(operator.codiceFiscale)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("creates a contributor on first SPID access, then finds the same one", async () => {
    const codiceFiscale = uniqueCodiceFiscale();
    const claims = { [FISCAL_NUMBER_CLAIM]: `TINIT-${codiceFiscale}`, given_name: "Giulia", family_name: "Neri" };

    const first = await authenticatePersonFromClaims(claims);
    const second = await authenticatePersonFromClaims(claims);

    expect(first).toMatchObject({ status: "ok", codiceFiscale });
    expect(second).toEqual(first);
    expect(await prisma.person.findUnique({ where: { codiceFiscale } })).toMatchObject({
      givenName: "Giulia",
      familyName: "Neri",
    });
    expect(await authenticatePersonFromClaims({ given_name: "Senza codice" })).toEqual({
      status: "refused",
      refusal: "fiscal-number-missing",
    });
  });

  it("lets in through the intranet only an active operator", async () => {
    const office = await createOffice();
    const operator = await createOperator(office.id);
    const claims = { [FISCAL_NUMBER_CLAIM]: `TINIT-${operator.codiceFiscale}` };
    expect(await authenticateOperatorFromClaims(claims)).toEqual({ status: "ok", id: operator.id, codiceFiscale: operator.codiceFiscale });

    await prisma.operator.update({ where: { id: operator.id }, data: { active: false } });
    expect(await authenticateOperatorFromClaims(claims)).toEqual({
      status: "refused",
      refusal: "operator-not-enabled",
      codiceFiscale: operator.codiceFiscale,
    });
    expect(await authenticateOperatorFromClaims({ [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA80A01H501X" })).toEqual({
      status: "refused",
      refusal: "codice-fiscale-invalid",
    });
  });
});
