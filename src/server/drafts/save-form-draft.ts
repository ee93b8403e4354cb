import "server-only";
import { isUuid } from "@/lib/form-fields";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { NotFoundError, type FieldErrors } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import {
  DRAFT_LIFETIME_MS,
  draftOwner,
  findOwnDraft,
  keptValues,
  purgeExpiredDrafts,
  removeDraftFiles,
  storeDraftFiles,
  type DraftScope,
} from "./form-drafts";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";

/** A form of a quesito of the operator's office. */
async function officeQuesitoScope(actor: Actor, { quesitoId = "" }: DraftScope): Promise<void> {
  const reachable =
    actor.kind === "operator" &&
    isUuid(quesitoId) &&
    (await prisma.quesito.count({ where: { id: quesitoId, ...officeQuesitiWhere(actor) } })) > 0;
  if (!reachable) throw await notFoundFor(actor, "quesito", quesitoId);
}

async function contributorForm(actor: Actor) {
  if (actor.kind !== "contributor") throw new NotFoundError();
}

/** Refuses (not found) a draft the actor may not keep for this scope: a form of the other realm, a record out of reach. */
const checkScope: Record<DraftScope["purpose"], (actor: Actor, scope: DraftScope, now: Date) => Promise<void>> = {
  NUOVA_RICHIESTA: contributorForm,
  ISTANZA: contributorForm,
  NUOVA_COMUNICAZIONE: async (actor) => {
    if (actor.kind !== "operator") throw new NotFoundError();
  },
  MESSAGGIO_RICHIESTA: async (actor, { requestId = "" }, now) => {
    const reachable =
      actor.kind === "contributor" &&
      isUuid(requestId) &&
      (await prisma.request.count({ where: { AND: [{ id: requestId }, requestAccessWhere(actor, now)] } })) > 0;
    if (!reachable) throw await notFoundFor(actor, "request", requestId, REQUEST_NOT_FOUND);
  },
  RISPOSTA_QUESITO: officeQuesitoScope,
  AZIONE_QUESITO: officeQuesitoScope,
};

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

/**
 * Keeps a form that came back with errors (bad input loses nothing): what was
 * typed, the field messages and the files received, now and in the draft it
 * came from, for DRAFT_LIFETIME_MS. Replaces that earlier draft, whose
 * unticked files are deleted. Also clears a batch of expired drafts. A
 * person keeps drafts of the Cassetto's forms, an operator of the office's
 * (the reply and the quesito page's other forms); a message's draft needs a request the person may act on, a reply's
 * a quesito of the operator's office: anything else is not found.
 */
export async function saveFormDraft(actor: Actor, input: SaveFormDraftInput, now = new Date()): Promise<{ id: string }> {
  const { purpose, requestId, quesitoId } = input;
  const scope: DraftScope = { purpose, ...(requestId ? { requestId } : {}), ...(quesitoId ? { quesitoId } : {}) };
  await checkScope[purpose](actor, scope, now);
  const previous = input.previous ? await findOwnDraft(actor, input.previous.draftId, scope, now) : null;
  const uploadRefused = input.previous !== undefined && "uploadRefused" in input.previous;
  const keptKeys = new Set(input.previous && "keptKeys" in input.previous ? input.previous.keptKeys : []);
  const isKept = (file: { key: string }) => uploadRefused || keptKeys.has(file.key);
  const kept = previous?.files.filter(isKept) ?? [];
  const dropped = previous?.files.filter((file) => !isKept(file)) ?? [];

  const submitted = keptValues(purpose, input.values);
  // Never merged field by field: a checkbox left unticked is an absent field.
  const values = uploadRefused && previous && Object.keys(submitted).length === 0 ? previous.data.values : submitted;
  const stored = await storeDraftFiles(input.files);
  try {
    const draft = await prisma.$transaction(async (tx) => {
      if (previous) await tx.formDraft.deleteMany({ where: { id: previous.id } });
      return tx.formDraft.create({
        data: {
          ...draftOwner(actor),
          purpose,
          requestId: requestId ?? null,
          quesitoId: quesitoId ?? null,
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
