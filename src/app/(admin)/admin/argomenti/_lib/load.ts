import "server-only";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { orNotFound } from "@/app/_lib/or-not-found";

/** A subject-tree page's data for the signed-in operator; "not found" for anybody but an ADMIN (decision 0042). */
export async function loadForAdmin<T>(path: string, load: (operator: OperatorActor) => Promise<T>): Promise<T> {
  const operator = await requireOperator(path);
  return orNotFound(() => load(operator));
}
