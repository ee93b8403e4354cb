import "server-only";
import { persistFiles } from "@/server/attachments/persist-files";
import { receiveUpload, UploadRefusedError, type ReceivedUpload } from "@/server/attachments/receive-upload";
import { DomainError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { getReplyUploadLimits } from "@/server/quesiti/get-reply-upload-limits";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";

export type ReplyFormOutcome = { ok: true } | { ok: false; error: DomainError; fields: Record<string, string> };

/**
 * The office's reply form (multipart), as its route handler receives it:
 * reads it within the limits of the quesito's gestione, stores the files and
 * writes the reply with them. A refusal — of the upload or of the reply —
 * comes back with the text fields that were sent, so that the form can show
 * them again. The staged files are always released; other errors pass through.
 */
export async function submitReplyForm(
  operator: OperatorActor,
  quesitoId: string,
  request: Request,
): Promise<ReplyFormOutcome> {
  let upload: ReceivedUpload | undefined;
  try {
    upload = await receiveUpload(request, await getReplyUploadLimits(operator, quesitoId));
    await replyToQuesito(operator, quesitoId, upload.fields, await persistFiles(upload.files));
    return { ok: true };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, error, fields: error instanceof UploadRefusedError ? error.fields : (upload?.fields ?? {}) };
  } finally {
    await upload?.discard();
  }
}
