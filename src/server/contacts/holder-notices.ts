import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Gestione, NotificationChannel, PreferredChannel, RequestEventType } from "@/generated/prisma/enums";
import type { Recipient } from "@/server/notifications/recipients";
import { channelAddress } from "./contact-rules";
import { currentContacts } from "./current-contacts";

/** The events a holder hears about when someone else sent the request in their name. */
const HOLDER_NOTICE_EVENTS: ReadonlySet<RequestEventType> = new Set(["PROTOCOLLATA", "CHIUSA"]);
const CHANNEL_ORDER: PreferredChannel[] = ["EMAIL", "PEC", "SMS"];

/**
 * The holder's own address for a request a delegate sent on their position:
 * when it is sent and when it is closed, on the holder's Contatti for that
 * gestione — the preferred channel first, the gestione's channels only —
 * unless the holder opted out there.
 */
export async function holderNoticeRecipients(
  tx: Prisma.TransactionClient,
  event: { type: RequestEventType; request: { holderId: string; submittedById: string | null; position: { gestione: Gestione } } },
  allowedChannels: readonly NotificationChannel[],
): Promise<Recipient[]> {
  const { holderId, submittedById, position } = event.request;
  if (!HOLDER_NOTICE_EVENTS.has(event.type) || !submittedById || submittedById === holderId) return [];
  const contacts = (await currentContacts(tx, holderId, [position.gestione])).get(position.gestione);
  if (!contacts || contacts.holderNoticesOff) return [];
  const order = contacts.preferredChannel
    ? [contacts.preferredChannel, ...CHANNEL_ORDER.filter((channel) => channel !== contacts.preferredChannel)]
    : CHANNEL_ORDER;
  for (const channel of order) {
    const address = contacts.values[channelAddress[channel]];
    if (address && allowedChannels.includes(channel)) return [{ channel, address }];
  }
  return [];
}
