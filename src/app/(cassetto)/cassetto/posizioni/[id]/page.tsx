import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { positionLabel } from "@/lib/position-label";
import { communicationListPath } from "@/server/communications/schemas";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { getActorPosition } from "@/server/positions/get-actor-position";
import type { ActorPosition } from "@/server/positions/list-actor-positions";
import { requestListSearch } from "@/server/requests/schemas";
import { Breadcrumb, Card, DescriptionList, PageHeading, type DescriptionRow } from "@/ui";

export const metadata: Metadata = { title: "Posizione contributiva" };

type Props = { params: Promise<{ id: string }> };

/** The position's sections, as plain links so that several positions open side by side in tabs. */
function sections(position: ActorPosition) {
  return [
    {
      href: `/cassetto/richieste/nuova?posizione=${position.id}`,
      label: "Nuova richiesta",
      description: "Scrivi alla sede competente per questa posizione.",
    },
    {
      href: `/cassetto/richieste?${requestListSearch({ posizione: position.id })}`,
      label: "Richieste",
      description: "Le richieste inviate per questa posizione e le comunicazioni della sede, con il loro stato.",
    },
    {
      href: communicationListPath({ posizione: position.id }),
      label: "Comunicazioni ricevute",
      description: "Le comunicazioni dell'Istituto su questa posizione.",
    },
    { href: "/cassetto/contatti", label: "Contatti", description: "I recapiti a cui ricevi gli avvisi, per gestione." },
  ];
}

export default async function PositionPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireContributor(`/cassetto/posizioni/${id}`);
  let position: ActorPosition;
  try {
    position = await getActorPosition(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const name = positionLabel(position);

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: name }]} />
      <PageHeading title={position.denominazione} lead={name} />
      <div className="space-y-8">
        <Card title="La posizione">
          <DescriptionList
            rows={[
              ["Gestione", position.gestioneLabel],
              [
                "Matricola",
                <span key="matricola" className="font-mono">
                  {position.matricola}
                </span>,
              ],
              ["Denominazione", position.denominazione],
              ...(actor.profile === "TITOLARE"
                ? []
                : [["Titolare", `${position.holder.name} (${position.holder.codiceFiscale})`] satisfies DescriptionRow]),
              ["Sede competente", `${position.office.name} (${position.office.code})`],
            ]}
          />
        </Card>
        <nav aria-labelledby="sezioni">
          <h2 id="sezioni" className="mb-4 text-2xl font-semibold">
            Sezioni della posizione
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {sections(position).map((section) => (
              <li key={section.href} className="rounded-sm border border-neutral-300 bg-white p-4">
                <Link href={section.href} className="text-lg font-semibold">
                  {section.label}
                </Link>
                <p className="mt-1 text-neutral-700">{section.description}</p>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </>
  );
}
