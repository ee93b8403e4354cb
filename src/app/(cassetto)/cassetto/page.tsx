import type { Metadata } from "next";
import Link from "next/link";
import { profileLabels } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { groupPositions } from "@/server/positions/group-positions";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { Alert, Breadcrumb, buttonClasses, PageHeading, TableRegion } from "@/ui";
import { UnreadCommunicationsAlert } from "./_components/UnreadCommunicationsAlert";

export const metadata: Metadata = { title: "Le mie posizioni" };

const emptyMessages = {
  TITOLARE: "Non risultano posizioni contributive intestate a te.",
  INTERMEDIARIO: "Nessun cliente ti ha conferito una delega attiva.",
  DIPENDENTE: "Nessuna azienda ti ha conferito una delega attiva.",
} as const;

export default async function CassettoHomePage() {
  const actor = await requireContributor("/cassetto");
  const groups = groupPositions(actor.profile, await listActorPositions(actor));
  const byClient = actor.profile !== "TITOLARE";

  return (
    <>
      <Breadcrumb items={[{ label: "Cassetto previdenziale" }]} />
      <UnreadCommunicationsAlert actor={actor} />
      <PageHeading
        title="Le mie posizioni"
        lead={`Profilo: ${profileLabels[actor.profile]}. ${
          byClient ? "Le posizioni dei clienti per cui puoi operare." : "Le tue posizioni, per gestione."
        }`}
      />
      <p className="flex flex-wrap gap-4">
        <Link href="/cassetto/richieste/nuova" className={buttonClasses("primary")}>
          Nuova richiesta
        </Link>
        <Link href="/cassetto/richieste" className={buttonClasses("secondary")}>
          Le mie richieste
        </Link>
      </p>
      {groups.length === 0 ? (
        <Alert tone="info">{emptyMessages[actor.profile]}</Alert>
      ) : (
        <div className="mt-6 space-y-8">
          {groups.map((group) => (
            <section key={group.key} aria-labelledby={`gruppo-${group.key}`} className="rounded border border-neutral-300 bg-white p-4 md:p-6">
              <h2 id={`gruppo-${group.key}`} className="text-2xl font-semibold">
                {group.title}
              </h2>
              {group.subtitle && <p className="text-neutral-700">{group.subtitle}</p>}
              <TableRegion label={`Posizioni di ${group.title}`} className="mt-4">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">Posizioni di {group.title}</caption>
                <thead>
                  <tr className="border-b border-neutral-400">
                    <th scope="col" className="py-2 pr-4">Matricola</th>
                    <th scope="col" className="py-2 pr-4">Denominazione</th>
                    {byClient && <th scope="col" className="py-2 pr-4">Gestione</th>}
                    <th scope="col" className="py-2 pr-4">Sede competente</th>
                    <th scope="col" className="py-2">Richieste</th>
                  </tr>
                </thead>
                <tbody>
                  {group.positions.map((position) => (
                    <tr key={position.id} className="border-b border-neutral-200">
                      <td className="py-2 pr-4 font-mono">{position.matricola}</td>
                      <td className="py-2 pr-4">{position.denominazione}</td>
                      {byClient && <td className="py-2 pr-4">{position.gestioneLabel}</td>}
                      <td className="py-2 pr-4">{position.office.name}</td>
                      <td className="py-2">
                        <Link href={`/cassetto/richieste/nuova?posizione=${position.id}`}>
                          Nuova<span className="sr-only"> richiesta per la posizione {position.matricola}</span>
                        </Link>
                        {" · "}
                        <Link href={`/cassetto/richieste?matricola=${encodeURIComponent(position.matricola)}`}>
                          Inviate<span className="sr-only"> per la posizione {position.matricola}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableRegion>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
