import "server-only";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { NotFoundError, type FieldErrors } from "@/server/errors/domain-errors";
import { fieldErrorsOf } from "@/server/errors/parse-input";
import type { ContributorActor } from "@/server/identity/actor";
import { findActiveSubject } from "@/server/requests/active-subject";
import { fileRequest, type CreatedRequest, type RequestForm } from "@/server/requests/create-request";
import { INSTANCE_KIND_NOT_FOUND } from "./get-instance-form";
import type { StoredInstance } from "./instance-summary";
import { findInstanceKind, INSTANCE_GESTIONE, type InstanceKind } from "./kinds";
import { instanceSchema, instanceValues } from "./schemas";

function instanceForm(kind: InstanceKind, now: Date): RequestForm {
  const schema = instanceSchema(kind, now);
  return {
    purpose: "ISTANZA",
    gestione: INSTANCE_GESTIONE,
    ...(kind.attachments.required ? { filesRequired: kind.attachments.missing ?? kind.attachments.hint } : {}),
    parse(input) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { errors: fieldErrorsOf(parsed.error) };
      const istanza: StoredInstance = { kind: kind.slug, values: instanceValues(kind, parsed.data) };
      return { data: parsed.data, istanza };
    },
    async subject(gestione) {
      const subject = await findActiveSubject(gestione, { code: kind.subjectCode });
      // Retired between the form and "Invia": the kind is no longer offered.
      if (!subject) throw new NotFoundError(INSTANCE_KIND_NOT_FOUND);
      const errors: FieldErrors = {};
      return { subject, errors };
    },
  };
}

/**
 * "Invia" of an Istanza online (F17): the form of the kind `slug` filed as a
 * request on the kind's subject, through the request path (protocol, routing
 * to the competent office, attachments and their limits, idempotency key,
 * notices), with the kind and its values stored on the request (decision
 * 0038). Only a Gestione Separata committenti position the actor may act on
 * now: any other, like an unknown kind, is not found. Every field problem is
 * reported at once (ValidationError), a required attachment missing among them.
 */
export async function createInstance(
  actor: ContributorActor,
  slug: string,
  input: Record<string, unknown>,
  files: StagedFile[],
  now = new Date(),
): Promise<CreatedRequest> {
  const kind = findInstanceKind(slug);
  if (!kind) throw new NotFoundError(INSTANCE_KIND_NOT_FOUND);
  return fileRequest(actor, instanceForm(kind, now), input, files, now);
}
