import type { Metadata } from "next";
import Link from "next/link";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { getSubjectTree, type SubjectRow } from "@/server/admin/get-subject-tree";
import { SUBJECT_CODE_MAX, subjectFieldLabels } from "@/server/admin/subject-schemas";
import { Alert, Breadcrumb, Button, PageHeading, StatusBadge, TextField } from "@/ui";
import { createSubjectAction } from "../actions";
import { SubjectFields } from "../_components/SubjectFields";
import { AdminTable, cellClass } from "../_components/Table";
import { pageFlash, refusedAt, SUBJECTS_PATH } from "../_lib/flash";
import { loadForAdmin } from "../_lib/load";
import { exportPath, importPath, subjectPath, treePath } from "../_lib/paths";

export const metadata: Metadata = { title: "Albero degli oggetti" };

type Props = { params: Promise<{ gestione: string }>; searchParams: Promise<SearchParams> };

function Row({ gestione, subject, area }: { gestione: string; subject: SubjectRow; area: boolean }) {
  const cell = cellClass;
  return (
    <tr>
      <td className={cell}>{subject.code}</td>
      <td className={cell}>{area ? <strong>{subject.label}</strong> : <span className="ps-4 block">{subject.label}</span>}</td>
      <td className={cell}>{subject.sortOrder}</td>
      <td className={cell}>
        {subject.routeToOffice ? `${subject.routeToOffice.code} – ${subject.routeToOffice.name}` : "Sede della posizione"}
      </td>
      <td className={cell}>{subject.maxResponseWorkingDays ?? "Della gestione"}</td>
      <td className={cell}>
        <StatusBadge tone={subject.active ? "success" : "neutral"} label={subject.active ? "Attivo" : "Disattivato"} />
      </td>
      <td className={cell}>
        <Link href={subjectPath(gestione, subject.id)} className="underline">
          Modifica<span className="sr-only"> {subject.code}</span>
        </Link>
      </td>
    </tr>
  );
}

/** A gestione's subject tree: every subject with its routing and time to answer, the add form, export and import. */
export default async function SubjectTreePage({ params, searchParams }: Props) {
  const { gestione } = await params;
  const tree = await loadForAdmin(treePath(gestione), (operator) => getSubjectTree(operator, gestione));
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = refusedAt(flash, "nuovo");
  const caption = `Oggetti della gestione ${tree.gestioneLabel}`;
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Amministrazione" },
          { href: SUBJECTS_PATH, label: "Oggetti delle richieste" },
          { label: tree.gestioneLabel },
        ]}
      />
      <PageHeading
        title={`Oggetti – ${tree.gestioneLabel}`}
        lead="Un oggetto disattivato sparisce dai nuovi moduli; le richieste già inviate lo conservano. Nessun oggetto viene mai cancellato."
      />
      {flash?.tone === "success" && (
        <Alert tone="success" id={OUTCOME_NOTICE_ID}>
          {flash.message}
        </Alert>
      )}
      <p className="mt-4 flex flex-wrap gap-4">
        <a href={exportPath(tree.gestione, "json")} className="underline">
          Esporta l&apos;albero (JSON)
        </a>
        <a href={exportPath(tree.gestione, "csv")} className="underline">
          Esporta l&apos;albero (CSV)
        </a>
        <Link href={importPath(tree.gestione)} className="underline">
          Importa un albero da file
        </Link>
      </p>
      <AdminTable
        caption={caption}
        columns={["Codice", "Descrizione", "Ordine", "Sede che risponde", "Giorni lavorativi per rispondere", "Stato", ""]}
      >
        {tree.areas.flatMap((area) => [
          <Row key={area.id} gestione={tree.gestione} subject={area} area />,
          ...area.subjects.map((subject) => <Row key={subject.id} gestione={tree.gestione} subject={subject} area={false} />),
        ])}
      </AdminTable>
      <section aria-labelledby="nuovo-titolo" className="mt-10">
        <h2 id="nuovo-titolo" className="text-xl font-semibold">
          Aggiungi un oggetto
        </h2>
        <form action={createSubjectAction.bind(null, tree.gestione)} id="nuovo" className="mt-4 grid max-w-2xl gap-4">
          {refused && <Alert tone="danger">{refused.message}</Alert>}
          <TextField
            name="code"
            label={subjectFieldLabels.code}
            hint="Lettere, cifre e trattini, unico nella gestione (per esempio AZ-VERS-05). Non si può cambiare dopo."
            required
            width="medium"
            maxLength={SUBJECT_CODE_MAX}
            defaultValue={refused?.values?.code ?? ""}
            error={refused?.errors?.code?.[0]}
          />
          <SubjectFields
            tree={tree}
            refused={refused}
            values={{ label: "", parentId: "", sortOrder: "0", routeToOfficeId: "", maxResponseWorkingDays: "" }}
          />
          <Button>Aggiungi l&apos;oggetto</Button>
        </form>
      </section>
    </>
  );
}
