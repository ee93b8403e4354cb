import "server-only";
import { toCsv } from "@/lib/csv";
import { prisma } from "@/server/db/client";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { csvColumns, gestioneSchema, importFormats, type ImportFormat } from "./subject-schemas";
import { currentSubjects } from "./subject-tree";
import { z } from "zod";

const formatSchema = z.enum(importFormats, { error: "Formato non previsto: json o csv." });

/**
 * The whole tree of a gestione, deactivated subjects included, as JSON or CSV
 * in exactly the form the import reads back (decision 0043).
 */
export async function exportSubjectTree(
  actor: OperatorActor,
  rawGestione: unknown,
  rawFormat: unknown,
): Promise<{ fileName: string; contentType: string; body: string }> {
  assertAdmin(actor);
  const gestione = parseInput(gestioneSchema, rawGestione);
  const format: ImportFormat = parseInput(formatSchema, rawFormat);
  const subjects = (await currentSubjects(prisma, gestione)).map(({ version: _version, ...values }) => values);
  const fileName = `oggetti-${gestione.toLowerCase()}.${format}`;
  if (format === "json") {
    return { fileName, contentType: "application/json; charset=utf-8", body: `${JSON.stringify({ gestione, subjects }, null, 2)}\n` };
  }
  const rows = subjects.map((subject) => [
    subject.code,
    subject.label,
    subject.parentCode ?? "",
    String(subject.sortOrder),
    subject.active ? "sì" : "no",
    subject.officeCode ?? "",
    subject.maxResponseWorkingDays === null ? "" : String(subject.maxResponseWorkingDays),
  ]);
  return { fileName, contentType: "text/csv; charset=utf-8", body: toCsv(csvColumns, rows) };
}
