import "server-only";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import type { ActorPosition } from "@/server/positions/list-actor-positions";
import { POSITION_NOT_FOUND } from "@/server/requests/actable-position";
import { findActiveSubject } from "@/server/requests/active-subject";
import { NO_CONTACTS, positionFormContext, type ContactPrefill } from "@/server/requests/position-form-context";
import type { ContactRules } from "@/server/requests/schemas";
import { instancePositions } from "./instance-positions";
import { findInstanceKind, INSTANCE_GESTIONE, type InstanceKind } from "./kinds";

export const INSTANCE_KIND_NOT_FOUND = "Il tipo di istanza indicato non esiste o non è disponibile.";

export type InstanceForm = {
  kind: InstanceKind;
  /** The committenti positions the actor may act on now (the first step, when more than one). */
  positions: ActorPosition[];
  /** The chosen position with what the form needs (with the settings' version it carries, decision 0044); null until one is chosen. */
  selected: { position: ActorPosition; rules: ContactRules; limits: UploadLimits; settingsVersion: number } | null;
  /** The actor's Contatti for the gestione, to prefill the form; empty until a position is chosen. */
  contacts: ContactPrefill;
};

/**
 * The form of one kind of Istanza online. A kind that does not exist or
 * whose subject is retired is not found; so is a position the actor may not
 * act on now, or one of another gestione, whether it exists or not. Without
 * a position the form waits for one, unless the actor has a single one.
 */
export async function getInstanceForm(
  actor: ContributorActor,
  { kind: slug, positionId }: { kind: string; positionId?: string },
  now = new Date(),
): Promise<InstanceForm> {
  const kind = findInstanceKind(slug);
  if (!kind || !(await findActiveSubject(INSTANCE_GESTIONE, { code: kind.subjectCode }))) throw new NotFoundError(INSTANCE_KIND_NOT_FOUND);
  const positions = await instancePositions(actor, now);
  const chosenId = positionId ?? (positions.length === 1 ? positions[0]?.id : undefined);
  if (!chosenId) return { kind, positions, selected: null, contacts: NO_CONTACTS };

  const position = positions.find((candidate) => candidate.id === chosenId);
  if (!position) throw new NotFoundError(POSITION_NOT_FOUND);
  const { rules, limits, settingsVersion, contacts } = await positionFormContext(actor, position);
  return { kind, positions, selected: { position, rules, limits, settingsVersion }, contacts };
}
