import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { getSubjectImport } from "@/server/admin/get-subject-import";
import type { ImportChange, ImportChangeKind } from "@/server/admin/subject-import";
import type { SubjectValues } from "@/server/admin/subject-tree";
import { Alert, Breadcrumb, Button, PageHeading } from "@/ui";
import { applyImportAction } from "../../../actions";
import { AdminTable, cellClass } from "../../../_components/Table";
import { pageFlash, refusedAt, SUBJECTS_PATH } from "../../../_lib/flash";
import { loadForAdmin } from "../../../_lib/load";
import { importPath, importPreviewPath, treePath } from "../../../_lib/paths";

export const metadata: Metadata = { title: "Anteprima dell'importazione" };

type Props = { params: Promise<{ gestione: string; importId: string }>; searchParams: Promise<SearchParams> };

const kindLabels: Record<ImportChangeKind, string> = {
  added: "Aggiunto",
  renamed: "Rinominato",
  moved: "Spostato",
  deactivated: "Disattivato",
  reactivated: "Riattivato",
  modified: "Ordine, sede o tempo di risposta modificati",
};

const valueLabels: Record<keyof SubjectValues, string> = {
  code: "codice",
  label: "descrizione",
  parentCode: "area",
  sortOrder: "ordine",
  active: "attivo",
  officeCode: "sede",
  maxResponseWorkingDays: "giorni lavorativi",
};

function described(values: Partial<SubjectValues> | null): string {
  if (!values) return "—";
  return Object.entries(values)
    .map(
      ([key, value]) =>
        `${valueLabels[key as keyof SubjectValues]}: ${value === null ? "nessuno" : value === true ? "sì" : value === false ? "no" : value}`,
    )
    .join("; ");
}

const cell = cellClass;

function ChangesTable({ changes }: { changes: ImportChange[] }) {
  return (
    <AdminTable caption="Modifiche che l'importazione applicherebbe" columns={["Codice", "Modifica", "Prima", "Dopo"]}>
      {changes.map((change) => (
        <tr key={change.code}>
          <th scope="row" className={`${cell} text-left`}>
            {change.code}
          </th>
          <td className={cell}>{change.kinds.map((kind) => kindLabels[kind]).join(", ")}</td>
          <td className={cell}>{described(change.before)}</td>
          <td className={cell}>{described(change.after)}</td>
        </tr>
      ))}
    </AdminTable>
  );
}

/**
 * What an uploaded tree would change — or every row's problem, and then
 * nothing can be applied — with the confirmation that applies exactly this.
 */
export default async function SubjectImportPreviewPage({ params, searchParams }: Props) {
  const { gestione, importId } = await params;
  const preview = await loadForAdmin(importPreviewPath(gestione, importId), (operator) => getSubjectImport(operator, importId));
  if (preview.gestione !== gestione) notFound();
  const refused = refusedAt(await pageFlash((await searchParams)[FLASH_PARAM]), "importazione");
  const blocked = preview.problems.length > 0;
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Amministrazione" },
          { href: SUBJECTS_PATH, label: "Oggetti delle richieste" },
          { href: treePath(gestione), label: gestione },
          { href: importPath(gestione), label: "Importazione" },
          { label: "Anteprima" },
        ]}
      />
      <PageHeading title="Anteprima dell'importazione" lead={preview.fileName ? `File: ${preview.fileName}` : undefined} />
      {preview.appliedAt ? (
        <Alert tone="info">Questa importazione è già stata applicata.</Alert>
      ) : blocked ? (
        <>
          <Alert tone="danger" title="Il file non può essere importato">
            Nessuna modifica è stata applicata. Correggere le righe indicate e{" "}
            <Link href={importPath(gestione)} className="underline">
              caricare di nuovo il file
            </Link>
            .
          </Alert>
          <AdminTable caption="Problemi del file" columns={["Riga", "Codice", "Problema"]}>
            {preview.problems.map((problem, index) => (
              <tr key={index}>
                <td className={cell}>{problem.row === 0 ? "Tutto il file" : problem.row}</td>
                <td className={cell}>{problem.code}</td>
                <td className={cell}>{problem.message}</td>
              </tr>
            ))}
          </AdminTable>
        </>
      ) : preview.changes.length === 0 ? (
        <Alert tone="info">Il file coincide con l&apos;albero attuale: non c&apos;è nulla da applicare.</Alert>
      ) : (
        <>
          <ChangesTable changes={preview.changes} />
          <form action={applyImportAction.bind(null, gestione, preview.id)} id="importazione" className="mt-6 grid max-w-2xl gap-4">
            {refused && <Alert tone="danger">{refused.message}</Alert>}
            <input type="hidden" name="planHash" value={preview.planHash} />
            <Button>Applica le {preview.changes.length} modifiche</Button>
          </form>
        </>
      )}
    </>
  );
}
