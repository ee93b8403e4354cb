import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/server/errors/domain-errors";

/** A page's service call: a record the actor may not see, or that does not exist, gets the not-found page (decisions 0018, 0042). */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
