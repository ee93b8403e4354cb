import { Prisma } from "@/generated/prisma/client";
import type { ActingProfile, MessageVisibility } from "@/generated/prisma/enums";
import { fullName } from "@/lib/full-name";
import { nameJson, withDatesAt, type Name, type WithDatesAsText } from "@/server/db/json-rows";
import { whereSql, type TableSql } from "@/server/db/where-sql";
import type { Actor } from "@/server/identity/actor";
import { visibleMessagesWhere } from "@/server/access/request-access";

/** A file of a message, as the pages list it. */
export type ThreadAttachment = { id: string; fileName: string; mimeType: string; size: number };

/** A message of the thread as the hand-written reads give it (threadMessagesJson). */
export type ThreadMessageRow = {
  id: string;
  visibility: MessageVisibility;
  body: string;
  createdAt: Date;
  authorPersonId: string | null;
  actingProfile: ActingProfile | null;
  bundleKey: string | null;
  authorPerson: Name | null;
  authorOperator: (Name & { office: { name: string } }) | null;
  attachments: ThreadAttachment[];
};

const messageTable: TableSql = { table: "Message", columns: { visibility: '"MessageVisibility"' } };

/**
 * The thread of a request both the contributor's page and the office's page
 * show, as a JSON array for their hand-written reads (`request`, the
 * request's alias; decisions 0054, 0057): the messages the actor may see
 * (internal notes only for the office, visibleMessagesWhere written as SQL),
 * oldest first, each with its author and its files.
 */
export function threadMessagesJson(actor: Actor, request: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
      'id', m.id, 'visibility', m.visibility, 'body', m.body, 'createdAt', m."createdAt",
      'authorPersonId', m."authorPersonId", 'actingProfile', m."actingProfile", 'bundleKey', m."bundleKey",
      'authorPerson', CASE WHEN ap.id IS NULL THEN NULL ELSE ${nameJson("ap")} END,
      'authorOperator', CASE WHEN ao.id IS NULL THEN NULL
        ELSE json_build_object('givenName', ao."givenName", 'familyName', ao."familyName", 'office', json_build_object('name', aoo.name)) END,
      'attachments', (
        SELECT coalesce(json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'mimeType', f."mimeType", 'size', f.size)
          ORDER BY f."createdAt", f.id), '[]')
        FROM "Attachment" f WHERE f."messageId" = m.id)
    ) ORDER BY m."createdAt", m.id), '[]')
    FROM "Message" m
    LEFT JOIN "Person" ap ON ap.id = m."authorPersonId"
    LEFT JOIN "Operator" ao ON ao.id = m."authorOperatorId"
    LEFT JOIN "Office" aoo ON aoo.id = ao."officeId"
    WHERE m."requestId" = ${Prisma.raw(`${request}.id`)} AND ${whereSql("m", messageTable, visibleMessagesWhere(actor))})`;
}

/** The messages of threadMessagesJson with their timestamps as dates. */
export function threadMessagesFromJson(messages: WithDatesAsText<ThreadMessageRow>[]): ThreadMessageRow[] {
  return messages.map((message) => withDatesAt(message, ["createdAt"]));
}

/** The name of a message's author on the contributor's side; "Contribuente" once the person is gone. */
export function contributorAuthorName(message: { authorPerson: { givenName: string; familyName: string } | null }): string {
  return message.authorPerson ? fullName(message.authorPerson) : "Contribuente";
}
