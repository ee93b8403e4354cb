import "server-only";
import {
  receiveUpload,
  UploadRefusedError,
  type ReceivedUpload,
  type StagedFile,
  type UploadLimits,
} from "@/server/attachments/receive-upload";
import { ConflictError, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";
import { UPLOAD_REFUSALS, type DraftScope, type FormInput } from "@/server/requests/form-drafts";
import { saveFormDraft } from "@/server/requests/save-form-draft";
import { DRAFT_FIELD, draftReferenceSchema, KEPT_FILES_FIELD, mergeFieldErrors } from "@/server/requests/schemas";

export type FormOutcome<T> = { ok: true; result: T } | { ok: false; draftId: string };

/**
 * Field messages for the form; a conflict (a request closed meanwhile) or a
 * rate limit reached is a message of the whole form.
 */
function formErrors(error: unknown): FieldErrors | null {
  if (error instanceof ValidationError) return error.fieldErrors;
  if (error instanceof ConflictError || error instanceof RateLimitedError) return { form: [error.message] };
  return null;
}

/**
 * A multipart form with attachments, posted by a route handler: reads it
 * within `limits`, hands its fields (with the draft reference) and files to
 * `submit`, and — when the upload or `submit` refuses the input — keeps what
 * was sent in a draft of the actor (bad input loses nothing), answering its
 * id so that the form can be shown again.
 *
 * Files refused by the upload go to `submit` as field messages
 * (UPLOAD_REFUSALS) with the form read to its end and the admitted files:
 * the service validates everything else too and refuses the whole with every
 * message at once, and the draft keeps the admitted files. After a hard stop
 * of the upload the draft keeps the text fields read before it, and the
 * files of the draft it came from as they were. The staged files are always
 * released; other errors pass through.
 */
export async function submitFormWithDraft<T>(
  actor: Actor,
  request: Request,
  options: {
    limits: UploadLimits;
    scope: DraftScope;
    /** The draft the form was shown from (part of the form's address). */
    draftId?: string;
    submit: (input: FormInput, files: StagedFile[]) => Promise<T>;
  },
): Promise<FormOutcome<T>> {
  let upload: ReceivedUpload;
  let refused: FieldErrors = {};
  try {
    upload = await receiveUpload(request, options.limits);
  } catch (error) {
    if (!(error instanceof UploadRefusedError)) throw error;
    if (!error.complete) {
      const draft = await saveFormDraft(actor, {
        ...options.scope,
        values: error.fields,
        errors: error.fieldErrors,
        files: [],
        ...(options.draftId ? { previous: { draftId: options.draftId, uploadRefused: true as const } } : {}),
      });
      return { ok: false, draftId: draft.id };
    }
    upload = error.received;
    refused = error.fieldErrors;
  }
  try {
    const input: FormInput = {
      ...upload.fields,
      [DRAFT_FIELD]: options.draftId,
      [KEPT_FILES_FIELD]: upload.fieldValues[KEPT_FILES_FIELD] ?? [],
      [UPLOAD_REFUSALS]: refused,
    };
    try {
      return { ok: true, result: await options.submit(input, upload.files) };
    } catch (error) {
      const errors = formErrors(error);
      if (!errors) throw error;
      const reference = draftReferenceSchema.parse(input);
      const draft = await saveFormDraft(actor, {
        ...options.scope,
        values: upload.fields,
        errors: mergeFieldErrors(errors, refused),
        files: upload.files,
        ...(reference.bozza ? { previous: { draftId: reference.bozza, keptKeys: reference.conservati } } : {}),
      });
      return { ok: false, draftId: draft.id };
    }
  } finally {
    await upload.discard();
  }
}
