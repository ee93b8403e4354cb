import "server-only";
import { isUuid } from "@/lib/form-fields";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { type FieldErrors } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import {
  DRAFT_LIFETIME_MS,
  findOwnDraft,
  keptValues,
  purgeExpiredDrafts,
  removeDraftFiles,
  storeDraftFiles,
  type DraftScope,
} from "./form-drafts";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";

export type SaveFormDraftInput = DraftScope & {
  /** The form's text fields as submitted. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** Files of this submission that passed the upload checks. */
  files: StagedFile[];
  /**
   * The draft this submission came from, with the tokens of its files the
   * person kept ticked; or, when the upload was refused, with all its files
   * as they were, and its values too if no field of the form had arrived.
   */
  previous?: { draftId: string; keptKeys: string[] } | { draftId: string; uploadRefused: true };
};

async function isReachableRequest(actor: ContributorActor, requestId: string, now: Date): Promise<boolean> {
  if (!isUuid(requestId)) return false;
  return (await prisma.request.count({ where: { AND: [{ id: requestId }, requestAccessWhere(actor, now)] } })) > 0;
}

/**
 * Keeps a form that came back with errors (bad input loses nothing): what was
 * typed, the field messages and the files received, now and in the draft it
 * came from, for DRAFT_LIFETIME_MS. Replaces that earlier draft, whose
 * unticked files are deleted. Also clears a batch of expired drafts. A
 * message's draft needs a request the actor may act on: anything else is not
 * found.
 */
export async function saveFormDraft(actor: ContributorActor, input: SaveFormDraftInput, now = new Date()): Promise<{ id: string }> {
  if (input.requestId !== undefined && !(await isReachableRequest(actor, input.requestId, now))) {
    throw await notFoundFor(actor, "request", input.requestId, REQUEST_NOT_FOUND);
  }
  const scope: DraftScope = { purpose: input.purpose, ...(input.requestId ? { requestId: input.requestId } : {}) };
  const previous = input.previous ? await findOwnDraft(actor, input.previous.draftId, scope, now) : null;
  const uploadRefused = input.previous !== undefined && "uploadRefused" in input.previous;
  const keptKeys = new Set(input.previous && "keptKeys" in input.previous ? input.previous.keptKeys : []);
  const isKept = (file: { key: string }) => uploadRefused || keptKeys.has(file.key);
  const kept = previous?.files.filter(isKept) ?? [];
  const dropped = previous?.files.filter((file) => !isKept(file)) ?? [];

  const submitted = keptValues(input.purpose, input.values);
  // Never merged field by field: a checkbox left unticked is an absent field.
  const values = uploadRefused && previous && Object.keys(submitted).length === 0 ? previous.data.values : submitted;
  const stored = await storeDraftFiles(input.files);
  try {
    const draft = await prisma.$transaction(async (tx) => {
      if (previous) await tx.formDraft.deleteMany({ where: { id: previous.id } });
      return tx.formDraft.create({
        data: {
          ownerPersonId: actor.personId,
          purpose: input.purpose,
          requestId: input.requestId ?? null,
          data: { values, errors: input.errors },
          files: [...kept, ...stored],
          expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS),
        },
        select: { id: true },
      });
    });
    await removeDraftFiles(dropped);
    await purgeExpiredDrafts(now);
    return draft;
  } catch (error) {
    await removeDraftFiles(stored);
    throw error;
  }
}

