import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { getSubject } from "@/server/admin/get-subject";
import { Alert, Breadcrumb, Button, DescriptionList, PageHeading } from "@/ui";
import { setSubjectActiveAction, updateSubjectAction } from "../../actions";
import { SubjectFields } from "../../_components/SubjectFields";
import { pageFlash, refusedAt, SUBJECTS_PATH } from "../../_lib/flash";
import { loadForAdmin } from "../../_lib/load";
import { subjectPath, treePath } from "../../_lib/paths";

export const metadata: Metadata = { title: "Modifica dell'oggetto" };

type Props = { params: Promise<{ gestione: string; id: string }>; searchParams: Promise<SearchParams> };

/** One subject: its fields (rename, reorder, move, routing, time to answer) and its deactivation or reactivation. */
export default async function SubjectPage({ params, searchParams }: Props) {
  const { gestione, id } = await params;
  const { subject, tree } = await loadForAdmin(subjectPath(gestione, id), (operator) => getSubject(operator, id));
  if (tree.gestione !== gestione) notFound();
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = refusedAt(flash, "modifica");
  const refusedState = refusedAt(flash, "stato");
  const version = <input type="hidden" name="expectedVersion" value={subject.version} />;
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Amministrazione" },
          { href: SUBJECTS_PATH, label: "Oggetti delle richieste" },
          { href: treePath(gestione), label: tree.gestioneLabel },
          { label: subject.code },
        ]}
      />
      <PageHeading title={`Oggetto ${subject.code}`} lead={subject.label} />
      {flash?.tone === "success" && (
        <Alert tone="success" id={OUTCOME_NOTICE_ID}>
          {flash.message}
        </Alert>
      )}
      <DescriptionList
        rows={[
          ["Gestione", tree.gestioneLabel],
          ["Stato", subject.active ? "Attivo: i nuovi moduli lo propongono" : "Disattivato: i nuovi moduli non lo propongono"],
          ["Richieste inviate", subject.inUse ? "Sì: l'oggetto non può essere cancellato, solo disattivato" : "Nessuna"],
        ]}
      />
      <section aria-labelledby="modifica-titolo" className="mt-8">
        <h2 id="modifica-titolo" className="text-xl font-semibold">
          Modifica
        </h2>
        <form action={updateSubjectAction.bind(null, gestione, subject.id)} id="modifica" className="mt-4 grid max-w-2xl gap-4">
          {refused && <Alert tone="danger">{refused.message}</Alert>}
          {version}
          <SubjectFields
            tree={tree}
            refused={refused}
            excludeAreaId={subject.id}
            values={{
              label: subject.label,
              parentId: subject.parentId ?? "",
              sortOrder: String(subject.sortOrder),
              routeToOfficeId: subject.routeToOfficeId ?? "",
              maxResponseWorkingDays: subject.maxResponseWorkingDays === null ? "" : String(subject.maxResponseWorkingDays),
            }}
          />
          <Button>Salva le modifiche</Button>
        </form>
      </section>
      <section aria-labelledby="stato-titolo" className="mt-8">
        <h2 id="stato-titolo" className="text-xl font-semibold">
          {subject.active ? "Disattivazione" : "Riattivazione"}
        </h2>
        <form action={setSubjectActiveAction.bind(null, gestione, subject.id)} id="stato" className="mt-4 grid max-w-2xl gap-4">
          {refusedState && <Alert tone="danger">{refusedState.message}</Alert>}
          {version}
          <input type="hidden" name="active" value={subject.active ? "false" : "true"} />
          <p>
            {subject.active
              ? subject.hasChildren
                ? "Disattivando l'area, i nuovi moduli non propongono più nemmeno i suoi oggetti."
                : "I nuovi moduli non proporranno più l'oggetto; le richieste già inviate lo conservano."
              : "I nuovi moduli proporranno di nuovo l'oggetto."}
          </p>
          <Button variant={subject.active ? "secondary" : "primary"}>
            {subject.active ? "Disattiva l'oggetto" : "Riattiva l'oggetto"}
          </Button>
        </form>
      </section>
    </>
  );
}
