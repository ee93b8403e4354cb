import "server-only";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { addToOutbox } from "@/server/notifications/outbox";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { ADDRESS_FIELDS, CONTACTS_GESTIONE_NOT_FOUND } from "./contact-rules";
import { lockedContactProfile, pendingContactChange, verificationChannel } from "./contact-profile-lock";
import { contactVerificationSchema, type ContactVerificationInput } from "./schemas";

export const HOLDER_USES_CONTATTI = "Il titolare modifica i propri contatti direttamente nella pagina Contatti.";

/**
 * A delegate (intermediary or employee) asks to verify a new e-mail, PEC or
 * mobile of their OWN contacts for a gestione they act in: a code is sent to
 * each new address. Typed back (confirmContactChange), the address is
 * verified but not yet in force: their Smart-Task of variation applies it
 * (decision 0037). Returns the changes waiting for their code.
 */
export async function requestContactVerification(
  actor: ContributorActor,
  input: ContactVerificationInput,
  now = new Date(),
): Promise<{ id: string; field: string; address: string }[]> {
  const parsed = parseInput(contactVerificationSchema, input, "Alcuni contatti non sono validi: correggere i campi indicati.");
  const positions = await listActorPositions(actor, now);
  if (!positions.some((position) => position.gestione === parsed.gestione)) throw new NotFoundError(CONTACTS_GESTIONE_NOT_FOUND);
  if (actor.profile === "TITOLARE") throw new ForbiddenError(HOLDER_USES_CONTATTI);
  const wanted = (["email", "pec", "mobile"] as const).flatMap((name) => {
    const address = parsed[name];
    return address ? [{ name, address }] : [];
  });
  if (wanted.length === 0) throw new ValidationError({ email: ["Indicare almeno un nuovo recapito da verificare."] });

  return prisma.$transaction(async (tx) => {
    const profile = await lockedContactProfile(tx, actor.personId, parsed.gestione);
    const author = { profileId: profile.id, changedById: actor.personId, createdAt: now };
    const started = [];
    for (const { name, address } of wanted) {
      const field = ADDRESS_FIELDS[name];
      const channel = verificationChannel(field);
      if (!channel) continue;
      const pending = await pendingContactChange(tx, author, field, channel, { oldValue: profile[name], newValue: address });
      started.push({ id: pending.id, field, address, message: pending.message });
    }
    await addToOutbox(
      tx,
      started.map((change) => change.message),
      getConfig(),
    );
    return started.map(({ id, field, address }) => ({ id, field, address }));
  });
}
