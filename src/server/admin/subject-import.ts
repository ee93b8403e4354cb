import { createHash } from "node:crypto";
import type { Gestione } from "@/generated/prisma/enums";
import { parseCsv } from "@/lib/csv";
import { canonicalJson } from "@/server/audit/canonical-json";
import { changedValues, type SubjectValues } from "./subject-tree";
import {
  csvColumns,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  subjectImportRowSchema,
  type SubjectImportProblem,
  type SubjectImportRow,
} from "./subject-schemas";

/**
 * Reading an imported tree and comparing it with the tree in the database
 * (decision 0043). The file is the whole tree of one gestione: a subject it
 * does not list is deactivated, never deleted.
 */

const YES = ["sì", "si", "true", "1"];
const NO = ["no", "false", "0"];
const MEGABYTES = `${MAX_IMPORT_BYTES / (1024 * 1024)} MB`;

/** A valid row and where it is in the file (the row its problems name). */
export type ImportedRow = { line: number; data: SubjectImportRow };

export type DecodedImport = { rows: ImportedRow[]; problems: SubjectImportProblem[] };

const fileProblem = (message: string): DecodedImport => ({ rows: [], problems: [{ row: 0, code: "", message }] });

function csvRecords(text: string): { records: { row: number; value: unknown }[] } | { problem: string } {
  const [header, ...lines] = parseCsv(text);
  const expected = csvColumns.join(";");
  if (!header || header.map((cell) => cell.trim().toLowerCase()).join(";") !== expected) {
    return { problem: `La prima riga del CSV deve elencare le colonne ${expected}.` };
  }
  return {
    records: lines.map((cells, index) => {
      const [code = "", label = "", parentCode = "", sortOrder = "", active = "", officeCode = "", maxDays = ""] = cells;
      const flag = active.trim().toLowerCase();
      return {
        // Row numbers as a spreadsheet shows them: the header is row 1.
        row: index + 2,
        value: {
          code,
          label,
          parentCode,
          sortOrder: sortOrder.trim() === "" ? undefined : sortOrder,
          active: YES.includes(flag) ? true : NO.includes(flag) ? false : undefined,
          officeCode,
          maxResponseWorkingDays: maxDays,
        },
      };
    }),
  };
}

function jsonRecords(text: string, gestione: Gestione): { records: { row: number; value: unknown }[] } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: "Il file non è un JSON valido." };
  }
  if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { subjects?: unknown }).subjects)) {
    return { problem: 'Il JSON deve essere un oggetto con l\'elenco "subjects", come quello esportato.' };
  }
  const fileGestione = (parsed as { gestione?: unknown }).gestione;
  if (fileGestione !== undefined && fileGestione !== gestione) {
    return { problem: `Il file è l'albero della gestione ${String(fileGestione)}, non di questa.` };
  }
  return { records: ((parsed as { subjects: unknown[] }).subjects ?? []).map((value, index) => ({ row: index + 1, value })) };
}

/** A cycle through `start` in the file's parent links, as codes (empty when there is none). */
function cycleFrom(start: string, parentOf: Map<string, string | null>): string[] {
  const path = [start];
  let current = parentOf.get(start);
  while (current && path.length <= parentOf.size) {
    path.push(current);
    if (current === start) return path;
    current = parentOf.get(current);
  }
  return [];
}

/** Checks that need nothing but the file: every row's fields, codes repeated, parents missing, cycles, more than two levels. */
function treeProblems(rows: ImportedRow[], officeCodes: Set<string>): SubjectImportProblem[] {
  const problems: SubjectImportProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const { line: row, data } of rows) {
    const seen = firstRow.get(data.code);
    if (seen !== undefined) problems.push({ row, code: data.code, message: `Codice ${data.code} ripetuto (già alla riga ${seen}).` });
    else firstRow.set(data.code, row);
  }
  const parentOf = new Map(rows.map(({ data }) => [data.code, data.parentCode]));
  for (const { line: row, data } of rows) {
    const problem = (message: string) => problems.push({ row, code: data.code, message });
    if (data.officeCode && !officeCodes.has(data.officeCode)) problem(`Sede ${data.officeCode} inesistente.`);
    if (!data.parentCode) continue;
    const cycle = cycleFrom(data.code, parentOf);
    if (cycle.length > 0) problem(`Ciclo tra gli oggetti: ${cycle.join(" → ")}.`);
    else if (!parentOf.has(data.parentCode)) problem(`L'area ${data.parentCode} non è nel file.`);
    else if (parentOf.get(data.parentCode))
      problem(`L'area ${data.parentCode} è a sua volta sotto un'altra area: l'albero ha due livelli.`);
  }
  return problems;
}

/**
 * The rows of an uploaded tree, or each problem with the row it is on:
 * a file over the limit (null bytes), not UTF-8, not JSON or CSV as exported,
 * invalid fields (formula-like labels among them), repeated codes, unknown
 * offices, missing parents, cycles. Any problem and there are no rows.
 */
export function decodeSubjectImport(
  file: { name: string; bytes: Uint8Array | null },
  gestione: Gestione,
  officeCodes: Set<string>,
): DecodedImport {
  if (file.bytes === null || file.bytes.byteLength > MAX_IMPORT_BYTES) {
    return fileProblem(`Il file supera il limite di ${MEGABYTES}: non è stato letto.`);
  }
  const format = /\.json$/i.test(file.name) ? "json" : /\.csv$/i.test(file.name) ? "csv" : null;
  if (!format) return fileProblem("Caricare un file .json o .csv, come quelli dell'esportazione.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    return fileProblem("Il file non è codificato in UTF-8: salvarlo di nuovo scegliendo la codifica UTF-8.");
  }
  const read = format === "json" ? jsonRecords(text, gestione) : csvRecords(text);
  if ("problem" in read) return fileProblem(read.problem);
  if (read.records.length === 0) return fileProblem("Il file non contiene oggetti.");
  if (read.records.length > MAX_IMPORT_ROWS) return fileProblem(`Il file contiene più di ${MAX_IMPORT_ROWS} oggetti.`);

  const problems: SubjectImportProblem[] = [];
  const rows: ImportedRow[] = [];
  for (const { row, value } of read.records) {
    const parsed = subjectImportRowSchema.safeParse(value);
    if (parsed.success) rows.push({ line: row, data: parsed.data });
    else {
      const code = typeof (value as { code?: unknown })?.code === "string" ? (value as { code: string }).code : "";
      const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
      problems.push({ row, code, message: messages.join(" ") });
    }
  }
  problems.push(...treeProblems(rows, officeCodes));
  problems.sort((a, b) => a.row - b.row);
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

export type ImportChangeKind = "added" | "renamed" | "moved" | "deactivated" | "reactivated" | "modified";

export type ImportChange = {
  code: string;
  kinds: ImportChangeKind[];
  before: Partial<SubjectValues> | null;
  after: Partial<SubjectValues>;
};

/** The subject as it stands, for the comparison: its values and its version. */
export type CurrentSubject = SubjectValues & { version: number };

/** What the import would change, subject by subject, and a hash of it with the versions it was computed from. */
export type ImportPlan = { changes: ImportChange[]; problems: SubjectImportProblem[]; planHash: string };

function kindsOf(change: { before: Partial<SubjectValues>; after: Partial<SubjectValues> }): ImportChangeKind[] {
  const kinds: ImportChangeKind[] = [];
  if ("label" in change.after) kinds.push("renamed");
  if ("parentCode" in change.after) kinds.push("moved");
  if ("active" in change.after) kinds.push(change.after.active ? "reactivated" : "deactivated");
  if (["sortOrder", "officeCode", "maxResponseWorkingDays"].some((key) => key in change.after)) kinds.push("modified");
  return kinds;
}

/**
 * Compares the file's rows with the current tree: added, renamed, moved,
 * deactivated (also every subject the file leaves out), reactivated, other
 * fields changed. An area whose subjects the file leaves out may not become
 * a subject itself (it would leave them three levels deep).
 */
export function planSubjectImport(rows: ImportedRow[], current: CurrentSubject[]): ImportPlan {
  const byCode = new Map(current.map((subject) => [subject.code, subject]));
  const listed = new Set(rows.map(({ data }) => data.code));
  const changes: ImportChange[] = [];
  const problems: SubjectImportProblem[] = [];
  for (const { line, data: row } of rows) {
    const existing = byCode.get(row.code);
    if (!existing) {
      changes.push({ code: row.code, kinds: ["added"], before: null, after: row });
      continue;
    }
    const { version: _version, ...values } = existing;
    const change = changedValues(values, row);
    if (change) changes.push({ code: row.code, kinds: kindsOf(change), ...change });
    if (row.parentCode && current.some((subject) => subject.parentCode === row.code && !listed.has(subject.code))) {
      problems.push({
        row: line,
        code: row.code,
        message: `L'area ${row.code} ha oggetti che il file non elenca: non può diventare un oggetto sotto un'altra area.`,
      });
    }
  }
  for (const subject of current) {
    if (!listed.has(subject.code) && subject.active) {
      changes.push({ code: subject.code, kinds: ["deactivated"], before: { active: true }, after: { active: false } });
    }
  }
  const versions = current.map(({ code, version }) => [code, version]);
  const planHash = createHash("sha256").update(canonicalJson({ changes, versions })).digest("hex");
  return { changes, problems, planHash };
}
