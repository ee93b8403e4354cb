import "server-only";
import { messageFilesData } from "@/server/attachments/persist-files";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { mergeFieldErrors, ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { deleteDraft, keptDraftFiles, writeWithFormFiles } from "@/server/drafts/form-drafts";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { fileLimitErrors } from "@/server/requests/schemas";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { checkedQuesitoId } from "./policy";
import { replySchema } from "./schemas";

/**
 * The office's reply, a public message of the thread (F22), with its files:
 * the new ones (staged by the upload) and those kept from the form's draft
 * (`bozza`, `conservati`), checked together against the gestione's limits.
 * Every field message comes at once, the upload's refusals among them; a bad
 * version is a message of the whole form. The message, its files and the
 * transition commit together, and the draft is deleted after; if anything
 * fails, the stored files are removed. The quesito stays in its state or
 * moves to the working state chosen with the reply; another office's quesito
 * is not found.
 */
export async function replyToQuesito(
  operator: OperatorActor,
  quesitoId: string,
  input: Record<string, unknown>,
  files: StagedFile[] = [],
  now = new Date(),
): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const quesito = await prisma.quesito.findFirst({
    where: { id, ...officeQuesitiWhere(operator) },
    select: { requestId: true, request: { select: { position: { select: { gestione: true } } } } },
  });
  if (!quesito) throw await notFoundFor(operator, "quesito", id);

  const parsed = replySchema.safeParse(input);
  const { expectedVersion: versionErrors, ...errors }: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (versionErrors) errors.form = versionErrors;
  const kept = await keptDraftFiles(operator, input, { purpose: "RISPOSTA_QUESITO", quesitoId: id }, now);
  mergeFieldErrors(errors, kept.errors);
  const settings = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: quesito.request.position.gestione } });
  mergeFieldErrors(errors, fileLimitErrors(settings, [...kept.files, ...files]));
  if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors, versionErrors?.[0]);
  const { expectedVersion, body, nextState } = parsed.data;

  const result = await writeWithFormFiles(kept.files, files, (persisted) =>
    prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          requestId: quesito.requestId,
          visibility: "PUBBLICO",
          body,
          authorOperatorId: operator.operatorId,
          createdAt: now,
          ...messageFilesData(persisted),
        },
        select: { id: true },
      });
      return applyTransition(tx, {
        action: "RISPOSTA",
        messageId: message.id,
        ...(nextState ? { nextState } : {}),
        actor: operator,
        quesito: { id },
        expectedVersion,
        at: now,
      });
    }),
  );
  if (kept.draftId) await deleteDraft(kept.draftId);
  return result;
}
