import type { Metadata } from "next";
import Link from "next/link";
import { getAdminOverview } from "@/server/admin/get-admin-overview";
import { Breadcrumb, PageHeading } from "@/ui";
import { loadForAdmin } from "./_lib/load";
import { SUBJECTS_PATH } from "./_lib/flash";
import { treePath } from "./_lib/paths";

export const metadata: Metadata = { title: "Oggetti delle richieste" };

/** The gestioni whose subject trees an administrator edits. */
export default async function SubjectGestioniPage() {
  const overview = await loadForAdmin(SUBJECTS_PATH, getAdminOverview);
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Oggetti delle richieste" }]} />
      <PageHeading
        title="Oggetti delle richieste"
        lead="L'albero degli oggetti di ogni gestione: aree e oggetti, la sede che risponde e il tempo massimo di risposta."
      />
      <ul className="grid gap-3">
        {overview.subjectsByGestione.map((row) => (
          <li key={row.gestione}>
            <Link href={treePath(row.gestione)} className="font-semibold underline">
              {row.label}
            </Link>{" "}
            – {row.active.toLocaleString("it-IT")} oggetti attivi
          </li>
        ))}
      </ul>
    </>
  );
}
