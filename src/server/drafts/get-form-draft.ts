import "server-only";
import { type FieldErrors } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { findOwnDraft, type DraftScope } from "./form-drafts";

export type FormDraftView = {
  id: string;
  values: Record<string, string>;
  errors: FieldErrors;
  /** The files kept, by the token the form sends back to keep them again. */
  files: { key: string; fileName: string; size: number }[];
};

export const DRAFT_NOT_FOUND = "Il modulo salvato non esiste più: compilarlo di nuovo.";

/** A form that came back with errors, for its owner only; anyone else's, or an expired one, is not found. */
export async function getFormDraft(actor: Actor, draftId: string, scope: DraftScope, now = new Date()): Promise<FormDraftView> {
  const draft = await findOwnDraft(actor, draftId, scope, now);
  if (!draft) throw await notFoundFor(actor, "form-draft", draftId, DRAFT_NOT_FOUND);
  return {
    id: draft.id,
    values: draft.data.values,
    errors: draft.data.errors,
    files: draft.files.map(({ key, fileName, size }) => ({ key, fileName, size })),
  };
}
