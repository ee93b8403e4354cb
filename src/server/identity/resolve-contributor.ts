import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import type { ActingProfile, DelegationKind, DelegationStatus, Gestione } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import { PREPARED_STATEMENT } from "@/server/db/create-client";
import { openSessionSql } from "./session-records";
import type { ContributorActor } from "./actor";

export type ContributorResolution =
  | { status: "unknown" }
  | { status: "choose-profile"; displayName: string; profiles: ActingProfile[] }
  | { status: "ok"; actor: ContributorActor };

const profileOrder: ActingProfile[] = ["TITOLARE", "INTERMEDIARIO", "DIPENDENTE"];

/** A delegation refused by its delegate gives no profile; any other (pending, in force, ended) does. */
const NO_PROFILE_DELEGATION_STATUS: DelegationStatus = "REJECTED";

/** What a contributor's actor is made of: their row, whether they hold positions, the kinds of delegation they hold. */
const personRecordSelect = {
  id: true,
  codiceFiscale: true,
  givenName: true,
  familyName: true,
  _count: { select: { positions: true } },
  delegationsHeld: { where: { status: { not: NO_PROFILE_DELEGATION_STATUS } }, select: { kind: true }, distinct: ["kind"] },
} satisfies Prisma.PersonSelect;

type PersonRecord = Prisma.PersonGetPayload<{ select: typeof personRecordSelect }>;

type PersonSessionRow = Pick<PersonRecord, "id" | "codiceFiscale" | "givenName" | "familyName"> & {
  positionCount: number;
  delegationKinds: DelegationKind[];
  gestioni: Gestione[];
  expiresAt: Date | null;
};

/**
 * A person's row with the session their cookie names, if it was not ended:
 * on every Cassetto request the session check, the actor and the gestioni
 * the holder's menu depends on read the same statement, once per request (React's
 * `cache`; decisions 0049, 0050). Hand-written and prepared: every page of the
 * Cassetto sends it, and Prisma's compiler cost more than the read (decision 0055).
 */
export const readPersonWithSession = cache(
  async (
    personId: string,
    sessionId: string,
  ): Promise<(PersonRecord & { sessions: { expiresAt: Date }[]; positions: { gestione: Gestione }[] }) | null> => {
    const rows = await prisma.$queryRaw<PersonSessionRow[]>`${Prisma.raw(PREPARED_STATEMENT)}
SELECT person.id, person."codiceFiscale", person."givenName", person."familyName",
  (SELECT count(*)::int FROM "Position" position WHERE position."holderId" = person.id) AS "positionCount",
  ARRAY(SELECT DISTINCT delegation.kind::text FROM "Delegation" delegation
    WHERE delegation."delegateId" = person.id AND delegation.status <> ${NO_PROFILE_DELEGATION_STATUS}::"DelegationStatus") AS "delegationKinds",
  ARRAY(SELECT DISTINCT position.gestione::text FROM "Position" position WHERE position."holderId" = person.id) AS gestioni,
  session."expiresAt"
FROM "Person" person
LEFT JOIN "AuthSession" session ON ${openSessionSql("session", "cassetto", sessionId, personId)}
WHERE person.id = ${personId}::uuid`;
    const row = rows[0];
    if (!row) return null;
    const { positionCount, delegationKinds, gestioni, expiresAt, ...person } = row;
    return {
      ...person,
      _count: { positions: positionCount },
      delegationsHeld: delegationKinds.map((kind) => ({ kind })),
      sessions: expiresAt ? [{ expiresAt }] : [],
      positions: gestioni.map((gestione) => ({ gestione })),
    };
  },
);

/**
 * Turns the signed-in person and the profile they picked into an actor. A
 * person with several profiles must choose one; a stale or forged choice is
 * ignored and the choice asked again.
 */
export function contributorResolution(person: PersonRecord | null, requestedProfile: string | undefined): ContributorResolution {
  if (!person) return { status: "unknown" };

  const delegatedKinds = new Set<ActingProfile>(person.delegationsHeld.map((delegation) => delegation.kind));
  const profiles = profileOrder.filter((profile) =>
    profile === "TITOLARE" ? person._count.positions > 0 || delegatedKinds.size === 0 : delegatedKinds.has(profile),
  );
  const displayName = fullName(person);
  const chosen = profiles.length === 1 ? profiles[0] : profiles.find((profile) => profile === requestedProfile);
  if (!chosen) return { status: "choose-profile", displayName, profiles };

  return {
    status: "ok",
    actor: {
      kind: "contributor",
      personId: person.id,
      codiceFiscale: person.codiceFiscale,
      displayName,
      profile: chosen,
      availableProfiles: profiles,
    },
  };
}

/** The resolution of a person by id (the profile choice, where no page render reads the row already). */
export async function resolveContributor(personId: string, requestedProfile: string | undefined): Promise<ContributorResolution> {
  const person = await prisma.person.findUnique({ where: { id: personId }, relationLoadStrategy: "join", select: personRecordSelect });
  return contributorResolution(person, requestedProfile);
}
