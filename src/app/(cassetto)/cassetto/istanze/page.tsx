import type { Metadata } from "next";
import Link from "next/link";
import { requireContributor } from "@/server/identity/session";
import { listInstanceKinds } from "@/server/istanze/list-instance-kinds";
import { Alert, Breadcrumb, Card, PageHeading } from "@/ui";

export const metadata: Metadata = { title: "Istanze online" };

/** "Istanze online" (F17): the kinds a Gestione Separata committente (or their intermediary) files through the Cassetto. */
export default async function InstanceKindsPage() {
  const actor = await requireContributor("/cassetto/istanze");
  const { positions, kinds } = await listInstanceKinds(actor);
  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Istanze online" }]} />
      <PageHeading
        title="Istanze online"
        lead="Le istanze della Gestione Separata committenti si presentano solo ed esclusivamente tramite il Cassetto: scegli il tipo, compila il modulo e segui la pratica in «Le mie richieste»."
      />
      {positions.length === 0 ? (
        <Alert tone="info">
          Le istanze online sono riservate alle posizioni di committente della Gestione Separata: con il profilo attuale non ce ne sono per
          cui puoi operare.
        </Alert>
      ) : kinds.length === 0 ? (
        <Alert tone="info">Al momento non è possibile presentare istanze online.</Alert>
      ) : (
        <ul className="grid gap-6 md:grid-cols-2">
          {kinds.map((kind) => (
            <li key={kind.slug}>
              <Card title={kind.title}>
                <p className="mb-4">{kind.description}</p>
                <Link href={`/cassetto/istanze/${kind.slug}`}>Compila l&apos;{kind.title.replace(/^Istanza/, "istanza")}</Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
