import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/or-not-found";
import Link from "next/link";
import { getAdminOverview, type AdminOverview } from "@/server/admin/get-admin-overview";
import { roleLabels } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { Card, DescriptionList, PageHeading } from "@/ui";
import { adminSections } from "./sections";

export const metadata: Metadata = { title: "Amministrazione" };

const PATH = "/admin";

async function loadOverview(): Promise<AdminOverview> {
  const operator = await requireOperator(PATH);
  return orNotFound(() => getAdminOverview(operator));
}

/** The administration's home, for ADMIN operators only; anybody else is told it does not exist. */
export default async function AdminHomePage() {
  const overview = await loadOverview();
  const sections = adminSections.filter((section) => section.href !== PATH);
  return (
    <>
      <PageHeading
        title="Amministrazione"
        lead="Oggetti delle richieste, sedi e competenze, limiti per gestione e operatori. Ogni modifica è registrata con i valori prima e dopo."
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Oggetti attivi per gestione">
          <DescriptionList compact rows={overview.subjectsByGestione.map((row) => [row.label, row.active.toLocaleString("it-IT")])} />
        </Card>
        <Card title="Sedi e operatori attivi">
          <DescriptionList
            compact
            rows={[
              ["Sedi", overview.offices.toLocaleString("it-IT")],
              ...Object.entries(overview.activeOperatorsByRole).map(
                ([role, count]) => [roleLabels[role as keyof typeof roleLabels], count.toLocaleString("it-IT")] as [string, string],
              ),
            ]}
          />
        </Card>
      </div>
      {sections.length > 0 ? (
        <nav aria-labelledby="sezioni-titolo" className="mt-8">
          <h2 id="sezioni-titolo" className="mb-3 text-xl font-bold">
            Sezioni
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {sections.map((section) => (
              <li key={section.href}>
                <Link href={section.href} className="font-semibold underline">
                  {section.label}
                </Link>
                <p className="text-neutral-700">{section.description}</p>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
