import { randomUUID } from "node:crypto";
import { idempotencyKeyField } from "@/server/requests/schemas";

/**
 * The hidden `idempotencyKey` of a form whose "Invia" is idempotent: the one
 * its draft kept, so that a corrected form stays the same submission, or a
 * new one for a fresh form.
 */
export function formIdempotencyKey(draftValues: Record<string, string> | undefined): string {
  const kept = idempotencyKeyField.safeParse(draftValues?.idempotencyKey);
  return kept.success ? kept.data : randomUUID();
}
