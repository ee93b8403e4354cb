import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";

/** A subject-tree page's data for the signed-in operator; "not found" for anybody but an ADMIN (decision 0042). */
export async function loadForAdmin<T>(path: string, load: (operator: OperatorActor) => Promise<T>): Promise<T> {
  const operator = await requireOperator(path);
  try {
    return await load(operator);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
