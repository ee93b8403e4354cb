import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getConfig } from "@/server/config";
import { holderNoticeRecipients } from "@/server/contacts/holder-notices";
import { enqueueEventNotices } from "./event-notices";

/**
 * The notifications of an event written by a service of the app: the
 * request's contacts and, when a delegate sent it, the holder
 * (`enqueueEventNotices` does the work).
 */
export function enqueueNotifications(tx: Prisma.TransactionClient, eventId: string): Promise<string[]> {
  return enqueueEventNotices(tx, eventId, getConfig(), holderNoticeRecipients);
}
