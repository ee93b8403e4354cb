import { isUuid } from "@/lib/form-fields";
import { NotFoundError } from "@/server/errors/domain-errors";

/** The quesito id as given, or NotFoundError when it cannot name one. */
export function checkedQuesitoId(quesitoId: string): string {
  if (!isUuid(quesitoId)) throw new NotFoundError();
  return quesitoId;
}
