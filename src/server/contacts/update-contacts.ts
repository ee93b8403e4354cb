import "server-only";
import type { ContactField } from "@/generated/prisma/enums";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { addToOutbox } from "@/server/notifications/outbox";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { ADDRESS_FIELDS, channelAddress, CONTACTS_GESTIONE_NOT_FOUND, type AddressName } from "./contact-rules";
import { lockedContactProfile, pendingContactChange, verificationChannel, voidOpenChanges } from "./contact-profile-lock";
import { updateContactsSchema, type UpdateContactsInput } from "./schemas";

export const DELEGATE_CONTACTS_READ_ONLY =
  "Chi opera per conto di altri può consultare qui i propri contatti: per modificarli verifica qui i nuovi recapiti, poi presenta la Smart-Task di variazione contatti. I contatti dei clienti li modifica solo il titolare.";

export type UpdateContactsResult = {
  /** Changes in force at once. */
  applied: number;
  /** New addresses waiting for the code sent to them. */
  pending: { field: ContactField; address: string }[];
};

/**
 * The holder saves one gestione's Contatti. Landline, fax, preferences and a
 * cleared address take effect at once; a new e-mail, PEC or mobile waits for
 * the code sent to it (replacing a change of the same field still waiting).
 * Every change is a history row. Only the actor's own contacts, for a
 * gestione they act in, and only as holder.
 */
export async function updateContacts(actor: ContributorActor, input: UpdateContactsInput, now = new Date()): Promise<UpdateContactsResult> {
  const parsed = parseInput(updateContactsSchema, input, "Alcuni contatti non sono validi: correggere i campi indicati.");
  const { gestione } = parsed;
  const positions = await listActorPositions(actor, now);
  if (!positions.some((position) => position.gestione === gestione)) throw new NotFoundError(CONTACTS_GESTIONE_NOT_FOUND);
  if (actor.profile !== "TITOLARE") throw new ForbiddenError(DELEGATE_CONTACTS_READ_ONLY);

  const wanted: Record<AddressName, string | null> = {
    email: parsed.email ?? null,
    pec: parsed.pec ?? null,
    mobile: parsed.mobile ?? null,
    landline: parsed.landline ?? null,
    fax: parsed.fax ?? null,
  };
  const settings = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione } });
  const errors: FieldErrors = {};
  if (settings.pecRequired && !wanted.pec) errors.pec = [`Per la ${settings.label} la PEC è obbligatoria.`];
  if (parsed.preferredChannel && !wanted[channelAddress[parsed.preferredChannel]]) {
    errors.preferredChannel = ["Il canale preferito richiede il recapito corrispondente: indicarlo o scegliere un altro canale."];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Alcuni contatti non sono validi: correggere i campi indicati.");

  return prisma.$transaction(async (tx) => {
    const profile = await lockedContactProfile(tx, actor.personId, gestione);

    const result: UpdateContactsResult = { applied: 0, pending: [] };
    const messages = [];
    const history = { profileId: profile.id, changedById: actor.personId, createdAt: now };
    const profileUpdate: Record<string, unknown> = {};
    for (const name of Object.keys(ADDRESS_FIELDS) as AddressName[]) {
      const field = ADDRESS_FIELDS[name];
      const [oldValue, newValue] = [profile[name], wanted[name]];
      if (oldValue === newValue) continue;
      const channel = verificationChannel(field);
      if (newValue && channel) {
        const pending = await pendingContactChange(tx, history, field, channel, { oldValue, newValue });
        messages.push(pending.message);
        result.pending.push({ field, address: newValue });
        continue;
      }
      await voidOpenChanges(tx, profile.id, field, now);
      await tx.contactChange.create({ data: { ...history, field, oldValue, newValue, status: "APPLIED", resolvedAt: now } });
      profileUpdate[name] = newValue;
      result.applied += 1;
    }
    const preferredChannel = parsed.preferredChannel ?? null;
    if (preferredChannel !== profile.preferredChannel) {
      await tx.contactChange.create({
        data: {
          ...history,
          field: "PREFERRED_CHANNEL",
          oldValue: profile.preferredChannel,
          newValue: preferredChannel,
          status: "APPLIED",
          resolvedAt: now,
        },
      });
      profileUpdate.preferredChannel = preferredChannel;
      result.applied += 1;
    }
    const holderNoticesOff = !parsed.holderNotices;
    if (holderNoticesOff !== profile.holderNoticesOff) {
      const [oldValue, newValue] = holderNoticesOff ? ["sì", "no"] : ["no", "sì"];
      await tx.contactChange.create({
        data: { ...history, field: "HOLDER_NOTICES", oldValue, newValue, status: "APPLIED", resolvedAt: now },
      });
      profileUpdate.holderNoticesOff = holderNoticesOff;
      result.applied += 1;
    }
    if (Object.keys(profileUpdate).length > 0) await tx.contactProfile.update({ where: { id: profile.id }, data: profileUpdate });
    await addToOutbox(tx, messages, getConfig());
    return result;
  });
}
