import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { gestioneSchema } from "./subject-schemas";
import { decodeSubjectImport } from "./subject-import";

/**
 * Reads an uploaded tree (`bytes` null: the file was over the limit and was
 * not read) and keeps its rows, or its problems row by row, for the preview:
 * nothing in the tree changes until the administrator confirms it (decision 0043).
 */
export async function previewSubjectImport(
  actor: OperatorActor,
  rawGestione: unknown,
  file: { name: string; bytes: Uint8Array | null },
  now = new Date(),
): Promise<{ id: string; gestione: string }> {
  assertAdmin(actor);
  const gestione = parseInput(gestioneSchema, rawGestione);
  const offices = await prisma.office.findMany({ select: { code: true } });
  const decoded = decodeSubjectImport(file, gestione, new Set(offices.map((office) => office.code)));
  const stored = await prisma.subjectImport.create({
    data: {
      gestione,
      operatorId: actor.operatorId,
      fileName: file.name.slice(0, 200),
      rows: decoded.rows as unknown as Prisma.InputJsonValue,
      problems: decoded.problems as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
    select: { id: true },
  });
  return { id: stored.id, gestione };
}
