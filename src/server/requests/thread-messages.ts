import type { Prisma } from "@/generated/prisma/client";
import { fullName } from "@/lib/full-name";
import type { Actor } from "@/server/identity/actor";
import { visibleMessagesWhere } from "@/server/access/request-access";

/** A file of a message, as the pages list it. */
export type ThreadAttachment = { id: string; fileName: string; mimeType: string; size: number };

/**
 * The thread of a request both the contributor's page and the office's page
 * show, to include under a request already within the actor's reach: the
 * messages the actor may see (internal notes only for the office), oldest
 * first, with their authors and their files.
 */
export function threadMessagesArgs(actor: Actor) {
  return {
    where: visibleMessagesWhere(actor),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      authorPerson: { select: { givenName: true, familyName: true } },
      authorOperator: { select: { givenName: true, familyName: true, office: { select: { name: true } } } },
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, fileName: true, mimeType: true, size: true },
      },
    },
  } satisfies Prisma.Request$messagesArgs;
}

/** The name of a message's author on the contributor's side; "Contribuente" once the person is gone. */
export function contributorAuthorName(message: { authorPerson: { givenName: string; familyName: string } | null }): string {
  return message.authorPerson ? fullName(message.authorPerson) : "Contribuente";
}
