import "server-only";
import { persistFiles } from "@/server/attachments/persist-files";
import { receiveUpload, UploadRefusedError, type ReceivedUpload } from "@/server/attachments/receive-upload";
import { cleanValues } from "@/lib/form-fields";
import { DomainError, mergeFieldErrors, ValidationError } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { getReplyUploadLimits } from "@/server/quesiti/get-reply-upload-limits";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { replySchema } from "@/server/quesiti/schemas";

export type ReplyFormOutcome = { ok: true } | { ok: false; error: DomainError; fields: Record<string, string> };

/**
 * The office's reply form (multipart), as its route handler receives it:
 * reads it within the limits of the quesito's gestione, stores the files and
 * writes the reply with them. A refusal — of the upload or of the reply —
 * comes back with the text fields that were sent (without the characters no
 * field may hold), so that the form can show them again; files refused by
 * the upload come back with the reply's own field messages, all at once. The
 * staged files are always released; other errors pass through.
 */
export async function submitReplyForm(
  operator: OperatorActor,
  quesitoId: string,
  request: Request,
): Promise<ReplyFormOutcome> {
  let upload: ReceivedUpload | undefined;
  try {
    try {
      upload = await receiveUpload(request, await getReplyUploadLimits(operator, quesitoId));
    } catch (error) {
      if (!(error instanceof UploadRefusedError)) throw error;
      upload = error.received;
      if (!error.complete) throw error;
      const reply = replySchema.safeParse(upload.fields);
      throw reply.success ? error : new ValidationError(mergeFieldErrors(fieldErrorsOf(reply.error), error.fieldErrors));
    }
    await replyToQuesito(operator, quesitoId, upload.fields, await persistFiles(upload.files));
    return { ok: true };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, error, fields: cleanValues(upload?.fields ?? {}) };
  } finally {
    await upload?.discard();
  }
}
