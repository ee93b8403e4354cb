import "server-only";
import type { ActingProfile } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "./actor";

export type ContributorResolution =
  | { status: "unknown" }
  | { status: "choose-profile"; displayName: string; profiles: ActingProfile[] }
  | { status: "ok"; actor: ContributorActor };

const profileOrder: ActingProfile[] = ["TITOLARE", "INTERMEDIARIO", "DIPENDENTE"];

/**
 * Turns the signed-in person and the profile they picked into an actor. A
 * person with several profiles must choose one; a stale or forged choice is
 * ignored and the choice asked again.
 */
export async function resolveContributor(personId: string, requestedProfile: string | undefined): Promise<ContributorResolution> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    // On every Cassetto request: the count and the kinds of delegation in the same statement.
    relationLoadStrategy: "join",
    select: {
      id: true,
      codiceFiscale: true,
      givenName: true,
      familyName: true,
      _count: { select: { positions: true } },
      delegationsHeld: { where: { status: { notIn: ["REJECTED"] } }, select: { kind: true }, distinct: ["kind"] },
    },
  });
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
