import type { Prisma } from "@/generated/prisma/client";
import type { ContactField, Gestione, NotificationChannel } from "@/generated/prisma/enums";
import { generateVerificationCode, hashVerificationCode } from "@/server/delegations/verification-code";
import type { OutboxMessage } from "@/server/notifications/outbox";
import { CONTACT_CODE_TTL_MS } from "./contact-rules";
import { currentContacts } from "./current-contacts";
import { verificationMessage } from "./verification-message";

const codeChannel: Partial<Record<ContactField, NotificationChannel>> = { EMAIL: "EMAIL", PEC: "PEC", MOBILE: "SMS" };

/** The channel of the code for a field that is verified (e-mail, PEC, mobile), else undefined. */
export function verificationChannel(field: ContactField): NotificationChannel | undefined {
  return codeChannel[field];
}

/**
 * A person's contact profile for a gestione, created from the contacts in
 * force at the first change, and locked for the rest of the transaction, so
 * that two changes of the same profile are applied one after the other.
 * Worker-safe: takes the transaction.
 */
export async function lockedContactProfile(tx: Prisma.TransactionClient, personId: string, gestione: Gestione) {
  const before = (await currentContacts(tx, personId, [gestione])).get(gestione);
  const created = await tx.contactProfile.upsert({
    where: { personId_gestione: { personId, gestione } },
    create: { personId, gestione, ...before?.values },
    update: {},
    select: { id: true },
  });
  await tx.$queryRaw`SELECT id FROM "ContactProfile" WHERE id = ${created.id}::uuid FOR UPDATE`;
  return tx.contactProfile.findUniqueOrThrow({ where: { id: created.id } });
}

/**
 * Locks a person's profile for a gestione, if they have one, without creating
 * it: a Smart-Task locks it before its checks, so that no newer change slips
 * between the checks and the effect (which takes `lockedContactProfile`).
 */
export async function lockExistingContactProfile(tx: Prisma.TransactionClient, personId: string, gestione: Gestione): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "ContactProfile" WHERE "personId" = ${personId}::uuid AND "gestione" = ${gestione}::"Gestione" FOR UPDATE`;
}

type ChangeAuthor = { profileId: string; changedById: string; createdAt: Date };

/**
 * A new e-mail, PEC or mobile waiting for the code sent to it: the change of
 * the same field still waiting (or verified and not yet applied) is voided,
 * the code hashed, and the message carrying it returned for the outbox.
 */
export async function pendingContactChange(
  tx: Prisma.TransactionClient,
  author: ChangeAuthor,
  field: ContactField,
  channel: NotificationChannel,
  values: { oldValue: string | null; newValue: string },
): Promise<{ id: string; message: OutboxMessage }> {
  await voidOpenChanges(tx, author.profileId, field, author.createdAt);
  const code = generateVerificationCode();
  const codeExpiresAt = new Date(author.createdAt.getTime() + CONTACT_CODE_TTL_MS);
  const change = await tx.contactChange.create({
    data: { ...author, field, ...values, status: "PENDING", codeHash: await hashVerificationCode(code), codeExpiresAt },
    select: { id: true },
  });
  return { id: change.id, message: verificationMessage(channel, values.newValue, code) };
}

/** A newer change of a field replaces those of the same field still waiting for their code or for a Smart-Task. */
export async function voidOpenChanges(tx: Prisma.TransactionClient, profileId: string, field: ContactField, now: Date): Promise<void> {
  await tx.contactChange.updateMany({
    where: { profileId, field, status: { in: ["PENDING", "VERIFIED"] } },
    data: { status: "VOIDED", resolvedAt: now, codeHash: null },
  });
}
