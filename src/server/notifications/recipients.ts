import type { Request } from "@/generated/prisma/client";
import type { NotificationChannel } from "@/generated/prisma/enums";

/** The contacts and consents a request was sent with (its snapshot, F11). */
export type ContactSnapshot = Pick<
  Request,
  "contactEmail" | "contactPec" | "contactMobile" | "extraEmail" | "consentEmail" | "consentPec" | "consentSms"
>;

export type Recipient = { channel: NotificationChannel; address: string };

/**
 * Who is notified of a request's events, and how: the e-mail with its consent,
 * the extra e-mail whenever given (the form offers it as the address "che
 * riceverà gli avvisi"), the PEC with its consent, the mobile only with the
 * SMS consent; only on the channels the gestione allows; each address once.
 */
export function selectRecipients(contacts: ContactSnapshot, allowedChannels: readonly NotificationChannel[]): Recipient[] {
  const candidates: [NotificationChannel, string | null, boolean][] = [
    ["EMAIL", contacts.contactEmail, contacts.consentEmail],
    ["EMAIL", contacts.extraEmail, true],
    ["PEC", contacts.contactPec, contacts.consentPec],
    ["SMS", contacts.contactMobile, contacts.consentSms],
  ];
  const recipients: Recipient[] = [];
  for (const [channel, address, consented] of candidates) {
    if (!address || !consented || !allowedChannels.includes(channel)) continue;
    const normalized = address.trim().toLowerCase();
    if (recipients.some((recipient) => recipient.channel === channel && recipient.address.toLowerCase() === normalized)) continue;
    recipients.push({ channel, address: address.trim() });
  }
  return recipients;
}

export const channelLabels: Record<NotificationChannel, string> = {
  EMAIL: "E-mail",
  PEC: "PEC",
  SMS: "SMS",
};

/** A mobile number shown with its last three digits only: "+39 •••••••567". */
export function maskMobile(number: string): string {
  const international = number.trim().startsWith("+39");
  const digits = number.replace(/\D/g, "").slice(international ? 2 : 0);
  return `${international ? "+39 " : ""}${"•".repeat(Math.max(digits.length - 3, 0))}${digits.slice(-3)}`;
}
