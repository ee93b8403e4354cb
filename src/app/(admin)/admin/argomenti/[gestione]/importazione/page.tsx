import type { Metadata } from "next";
import { getSubjectTree } from "@/server/admin/get-subject-tree";
import { csvColumns, MAX_IMPORT_BYTES } from "@/server/admin/subject-schemas";
import { Breadcrumb, Button, FieldFrame, PageHeading, Prose } from "@/ui";
import { SUBJECTS_PATH } from "../../_lib/flash";
import { loadForAdmin } from "../../_lib/load";
import { exportPath, importPath, importUploadPath, treePath } from "../../_lib/paths";

export const metadata: Metadata = { title: "Importazione dell'albero degli oggetti" };

type Props = { params: Promise<{ gestione: string }> };

/** The upload of a whole tree (JSON or CSV as exported); the next page shows what it would change before anything is applied. */
export default async function SubjectImportPage({ params }: Props) {
  const { gestione } = await params;
  const tree = await loadForAdmin(importPath(gestione), (operator) => getSubjectTree(operator, gestione));
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Amministrazione" },
          { href: SUBJECTS_PATH, label: "Oggetti delle richieste" },
          { href: treePath(tree.gestione), label: tree.gestioneLabel },
          { label: "Importazione" },
        ]}
      />
      <PageHeading
        title={`Importa l'albero – ${tree.gestioneLabel}`}
        lead="Il file descrive l'albero intero della gestione: prima di applicarlo vedrai che cosa cambia, e se una sola riga non è valida non viene applicato nulla."
      />
      <Prose>
        <ul>
          <li>
            Il formato è quello dell&apos;esportazione: <a href={exportPath(tree.gestione, "json")}>JSON</a> o{" "}
            <a href={exportPath(tree.gestione, "csv")}>CSV</a> con le colonne {csvColumns.join(", ")}, separate da punto e virgola.
          </li>
          <li>Gli oggetti che il file non elenca vengono disattivati, mai cancellati.</li>
          <li>Il file deve essere codificato in UTF-8 e non superare {MAX_IMPORT_BYTES / (1024 * 1024)} MB.</li>
        </ul>
      </Prose>
      <form action={importUploadPath(tree.gestione)} method="post" encType="multipart/form-data" className="mt-6 grid max-w-2xl gap-4">
        <FieldFrame name="file" label="File dell'albero" hint="Un file .json o .csv." required>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".json,.csv,application/json,text/csv"
              className="mt-2 block w-full rounded-sm border border-neutral-600 bg-white p-2 text-base"
            />
          )}
        </FieldFrame>
        <Button>Mostra le modifiche</Button>
      </form>
    </>
  );
}
