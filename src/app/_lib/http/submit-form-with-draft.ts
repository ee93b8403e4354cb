import "server-only";
import {
  receiveUpload,
  UploadRefusedError,
  type ReceivedUpload,
  type StagedFile,
  type UploadLimits,
} from "@/server/attachments/receive-upload";
import { isDatabaseUnavailable } from "@/server/errors/database-unavailable";
import { ConflictError, mergeFieldErrors, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { RateLimitedError } from "@/server/rate-limit/rate-limited-error";
import { UPLOAD_REFUSALS, type DraftScope, type FormInput } from "@/server/drafts/form-drafts";
import { holdForm, isHeldFormPurpose, readHeldForm, releaseHeldForm, type HeldForm, type HoldInput } from "@/server/drafts/held-forms";
import { saveFormDraft, type SaveFormDraftInput } from "@/server/drafts/save-form-draft";
import { DRAFT_FIELD, draftReferenceSchema, KEPT_FILES_FIELD } from "@/server/drafts/schemas";

export type FormOutcome<T> =
  | { ok: true; result: T }
  | { ok: false; draftId: string }
  /** The database did not answer: the form is kept on disk (held-forms.ts) for the page that offers to send it again. */
  | { ok: false; held: HeldForm };

/**
 * Field messages for the form; a conflict (a request closed meanwhile) or a
 * rate limit reached is a message of the whole form.
 */
function formErrors(error: unknown): FieldErrors | null {
  if (error instanceof ValidationError) return error.fieldErrors;
  if (error instanceof ConflictError || error instanceof RateLimitedError) return { form: [error.message] };
  return null;
}

type SubmitOptions<T> = {
  scope: DraftScope;
  /** What the form is posted for (a position, a request): kept with a held form. */
  target: string;
  submit: (input: FormInput, files: StagedFile[]) => Promise<T>;
};

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
 * files of the draft it came from as they were. When the database does not
 * answer in time, what was sent is kept on disk instead (`held`), with the
 * files of the held form it came from (`heldReference`, the page's
 * `riserva`). The staged files are always released; other errors pass through.
 */
export async function submitFormWithDraft<T>(
  actor: Actor,
  request: Request,
  options: SubmitOptions<T> & {
    limits: UploadLimits;
    /** The draft the form was shown from (part of the form's address). */
    draftId?: string;
    /** The form held while the database was unavailable, sent again (part of the address too). */
    heldReference?: string;
  },
): Promise<FormOutcome<T>> {
  let upload: ReceivedUpload;
  let refused: FieldErrors = {};
  try {
    upload = await receiveUpload(request, options.limits);
  } catch (error) {
    if (!(error instanceof UploadRefusedError)) throw error;
    if (!error.complete) {
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
    const held = options.heldReference && actor.kind === "contributor" ? await readHeldForm(actor.personId, options.heldReference) : null;
    const files = [...(held?.files ?? []), ...upload.files];
    const outcome = await submitOrKeep(actor, input, files, upload.fields, refused, options);
    // Sent, or kept again (a draft, a new hold): the earlier hold is done with.
    if (held) await releaseHeldForm(held);
    return outcome;
  } finally {
    await upload.discard();
  }
}

async function submitOrKeep<T>(
  actor: Actor,
  input: FormInput,
  files: StagedFile[],
  values: Record<string, string>,
  refused: FieldErrors,
  options: SubmitOptions<T>,
): Promise<FormOutcome<T>> {
  try {
    return { ok: true, result: await options.submit(input, files) };
  } catch (error) {
    const reference = draftReferenceSchema.parse(input);
    const hold = {
      purpose: options.scope.purpose,
      target: options.target,
      values,
      draftId: reference.bozza,
      keptKeys: reference.conservati,
      files,
    };
    if (isDatabaseUnavailable(error)) return holdOrThrow(actor, hold, error);
    const errors = formErrors(error);
    if (!errors) throw error;
    return draftOrHold(
      actor,
      {
        ...options.scope,
        values,
        errors: mergeFieldErrors(errors, refused),
        files,
        ...(reference.bozza ? { previous: { draftId: reference.bozza, keptKeys: reference.conservati } } : {}),
      },
      hold,
    );
  }
}

/** A draft of the form in the database, or — the database not answering — the form held on disk. */
async function draftOrHold(actor: Actor, draft: SaveFormDraftInput, hold: HoldRequest): Promise<FormOutcome<never>> {
  try {
    return { ok: false, draftId: (await saveFormDraft(actor, draft)).id };
  } catch (error) {
    return holdOrThrow(actor, hold, error);
  }
}

type HoldRequest = Omit<HoldInput, "purpose"> & { purpose: DraftScope["purpose"] };

/**
 * A contributor's form, the database not answering: held on disk. Anything
 * else passes through (the office's reply has no hold: decision 0019).
 */
async function holdOrThrow(actor: Actor, hold: HoldRequest, error: unknown): Promise<FormOutcome<never>> {
  const { purpose } = hold;
  if (!isDatabaseUnavailable(error) || actor.kind !== "contributor" || !isHeldFormPurpose(purpose)) throw error;
  return { ok: false, held: await holdForm(actor.personId, { ...hold, purpose }) };
}
