import type { Metadata } from "next";
import { roleLabels } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { countDeskQuesiti } from "@/server/quesiti/count-desk-quesiti";
import { DeskCounts } from "./_components/DeskCounts";
import { Breadcrumb, PageHeading } from "@/ui";
import { ContributorSearch } from "./_components/ContributorSearch";

export const metadata: Metadata = { title: "Scrivania" };

export default async function FascicoloHomePage() {
  const operator = await requireOperator("/fascicolo");
  const counts = await countDeskQuesiti(operator);
  return (
    <>
      <Breadcrumb items={[{ label: "Fascicolo elettronico" }]} />
      <PageHeading title={`Benvenuto, ${operator.displayName}`} lead="La tua scrivania nel Fascicolo Elettronico del Contribuente." />
      <dl className="mt-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded border border-neutral-300 bg-white p-6">
        <dt className="font-semibold">Sede</dt>
        <dd>
          {operator.office.name} <span className="text-neutral-700">(AOO {operator.office.code})</span>
        </dd>
        <dt className="font-semibold">Ruolo</dt>
        <dd>{roleLabels[operator.role]}</dd>
        <dt className="font-semibold">Codice fiscale</dt>
        <dd className="font-mono">{operator.codiceFiscale}</dd>
      </dl>
      <ContributorSearch />
      <DeskCounts counts={counts} />
    </>
  );
}
