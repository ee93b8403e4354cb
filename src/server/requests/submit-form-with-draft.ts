import "server-only";
import {
  receiveUpload,
  UploadRefusedError,
  type ReceivedUpload,
  type StagedFile,
  type UploadLimits,
} from "@/server/attachments/receive-upload";
import { isDatabaseUnavailable } from "@/server/errors/database-unavailable";
import { ConflictError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import type { DraftScope } from "./form-drafts";
import { holdForm, readHeldForm, releaseHeldForm, type HeldForm, type HoldInput } from "./held-forms";
import { saveFormDraft, type SaveFormDraftInput } from "./save-form-draft";
import { DRAFT_FIELD, draftReferenceSchema, KEPT_FILES_FIELD } from "./schemas";

export type FormOutcome<T> =
  | { ok: true; result: T }
  | { ok: false; draftId: string }
  /** The database did not answer: the form is kept on disk (held-forms.ts) for the page that offers to send it again. */
  | { ok: false; held: HeldForm };

/** Field messages for the form; a conflict (a request closed meanwhile) is a message of the whole form. */
function formErrors(error: unknown): FieldErrors | null {
  if (error instanceof ValidationError) return error.fieldErrors;
  if (error instanceof ConflictError) return { form: [error.message] };
  return null;
}

/**
 * A multipart form with attachments, posted by a route handler: reads it
 * within `limits`, hands its fields (with the draft reference) and files to
 * `submit`, and — when the upload or `submit` refuses the input — keeps what
 * was sent in a draft of the actor (bad input loses nothing), answering its
 * id so that the form can be shown again: a refused upload keeps the text
 * fields read before the refusal and the files of the draft it came from as
 * they were. When the database does not answer in time, what was sent is
 * kept on disk instead (`held`), with the files of the held form it came
 * from (`heldReference`, the page's `riserva`). The staged files are always
 * released; other errors pass through.
 */
export async function submitFormWithDraft<T>(
  actor: ContributorActor,
  request: Request,
  options: {
    limits: UploadLimits;
    scope: DraftScope;
    /** The draft the form was shown from (part of the form's address). */
    draftId?: string;
    /** The form held while the database was unavailable, sent again (part of the address too). */
    heldReference?: string;
    /** What the form is posted for (a position, a request): kept with a held form. */
    target: string;
    submit: (input: Record<string, unknown>, files: StagedFile[]) => Promise<T>;
  },
): Promise<FormOutcome<T>> {
  let upload: ReceivedUpload;
  try {
    upload = await receiveUpload(request, options.limits);
  } catch (error) {
    if (!(error instanceof UploadRefusedError)) throw error;
    return draftOrHold(
      actor,
      {
        ...options.scope,
        values: error.fields,
        errors: error.fieldErrors,
        files: [],
        ...(options.draftId ? { previous: { draftId: options.draftId, uploadRefused: true as const } } : {}),
      },
      { purpose: options.scope.purpose, target: options.target, values: error.fields, draftId: options.draftId, keptKeys: [], files: [] },
    );
  }
  try {
    const input = {
      ...upload.fields,
      [DRAFT_FIELD]: options.draftId,
      [KEPT_FILES_FIELD]: upload.fieldValues[KEPT_FILES_FIELD] ?? [],
    };
    const held = options.heldReference ? await readHeldForm(actor.personId, options.heldReference) : null;
    const files = [...(held?.files ?? []), ...upload.files];
    const outcome = await submitOrKeep(actor, input, files, upload.fields, options);
    // Sent, or kept again (a draft, a new hold): the earlier hold is done with.
    if (held) await releaseHeldForm(held);
    return outcome;
  } finally {
    await upload.discard();
  }
}

async function submitOrKeep<T>(
  actor: ContributorActor,
  input: Record<string, unknown>,
  files: StagedFile[],
  values: Record<string, string>,
  options: { scope: DraftScope; target: string; submit: (input: Record<string, unknown>, files: StagedFile[]) => Promise<T> },
): Promise<FormOutcome<T>> {
  try {
    return { ok: true, result: await options.submit(input, files) };
  } catch (error) {
    const reference = draftReferenceSchema.parse(input);
    const hold = { purpose: options.scope.purpose, target: options.target, values, draftId: reference.bozza, keptKeys: reference.conservati, files };
    if (isDatabaseUnavailable(error)) return { ok: false, held: await holdForm(actor.personId, hold) };
    const errors = formErrors(error);
    if (!errors) throw error;
    return draftOrHold(
      actor,
      {
        ...options.scope,
        values,
        errors,
        files,
        ...(reference.bozza ? { previous: { draftId: reference.bozza, keptKeys: reference.conservati } } : {}),
      },
      hold,
    );
  }
}

/** A draft of the form in the database, or — the database not answering — the form held on disk. */
async function draftOrHold(actor: ContributorActor, draft: SaveFormDraftInput, hold: HoldInput): Promise<FormOutcome<never>> {
  try {
    return { ok: false, draftId: (await saveFormDraft(actor, draft)).id };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ok: false, held: await holdForm(actor.personId, hold) };
  }
}
