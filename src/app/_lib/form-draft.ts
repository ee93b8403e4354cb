import "server-only";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import type { DraftScope } from "@/server/drafts/form-drafts";
import { getFormDraft, type FormDraftView } from "@/server/drafts/get-form-draft";

export type LoadedFormDraft = { draft: FormDraftView | null; gone: string | null };

/**
 * The draft a corrected form's address names (`bozza`), or the message saying
 * it is gone: a draft used or expired (the back button after sending, a
 * reload the next day) shows the form again, empty, with that message, not
 * "page not found".
 */
export async function loadFormDraft(actor: Actor, draftId: string | undefined, scope: DraftScope): Promise<LoadedFormDraft> {
  if (!draftId) return { draft: null, gone: null };
  try {
    return { draft: await getFormDraft(actor, draftId, scope), gone: null };
  } catch (error) {
    if (error instanceof NotFoundError) return { draft: null, gone: error.message };
    throw error;
  }
}
