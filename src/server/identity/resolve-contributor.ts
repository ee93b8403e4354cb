import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import type { ActingProfile } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "./actor";

export type ContributorResolution =
  | { status: "unknown" }
  | { status: "choose-profile"; displayName: string; profiles: ActingProfile[] }
  | { status: "ok"; actor: ContributorActor };

const profileOrder: ActingProfile[] = ["TITOLARE", "INTERMEDIARIO", "DIPENDENTE"];

/** What a contributor's actor is made of: their row, whether they hold positions, the kinds of delegation they hold. */
const personRecordSelect = {
  id: true,
  codiceFiscale: true,
  givenName: true,
  familyName: true,
  _count: { select: { positions: true } },
  delegationsHeld: { where: { status: { notIn: ["REJECTED"] } }, select: { kind: true }, distinct: ["kind"] },
} satisfies Prisma.PersonSelect;

type PersonRecord = Prisma.PersonGetPayload<{ select: typeof personRecordSelect }>;

/**
 * A person's row with the session their cookie names, if it was not ended:
 * on every Cassetto request the session check, the actor and the gestioni
 * the holder's menu depends on read the same statement, once per request (React's
 * `cache`; decisions 0049, 0050).
 */
export const readPersonWithSession = cache((personId: string, sessionId: string) =>
  prisma.person.findUnique({
    where: { id: personId },
    relationLoadStrategy: "join",
    select: {
      ...personRecordSelect,
      sessions: { where: { id: sessionId, realm: "CASSETTO", endedAt: null }, select: { expiresAt: true } },
      // The gestioni they hold positions in: what the frame's menu offers a holder (Istanze online), with no statement of its own.
      positions: { select: { gestione: true }, distinct: ["gestione"] },
    },
  }),
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
