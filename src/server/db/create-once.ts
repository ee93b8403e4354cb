import { Prisma } from "@/generated/prisma/client";

/** A unique constraint refused the write (Prisma P2002): a concurrent twin got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The idempotency of a form's "Invia" (the hidden `idempotencyKey` of the
 * form, unique per sender in the database): with a valid `key`, a record the
 * same submission already wrote is returned instead of running `create`, and
 * so is the one a concurrent twin wrote first when `create` loses the race on
 * the unique constraint (its transaction rolled back, its files removed).
 * Without a key `create` runs, and its validation refuses the form.
 */
export async function createOnce<T extends object>(
  key: string | null,
  findByKey: (key: string) => Promise<T | null>,
  create: () => Promise<T>,
): Promise<T & { replayed: boolean }> {
  const earlier = key ? await findByKey(key) : null;
  if (earlier) return { ...earlier, replayed: true };
  try {
    return { ...(await create()), replayed: false };
  } catch (error) {
    const winner = key && isUniqueViolation(error) ? await findByKey(key) : null;
    if (winner) return { ...winner, replayed: true };
    throw error;
  }
}
