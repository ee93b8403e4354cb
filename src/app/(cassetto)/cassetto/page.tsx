import type { Metadata } from "next";
import Link from "next/link";
import { positionLabel } from "@/lib/position-label";
import { profileLabels } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { groupPositions } from "@/server/positions/group-positions";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { listHomeRequests } from "@/server/requests/list-home-requests";
import { AWAITING_CONTRIBUTOR_NOTICE } from "@/server/workflow/states";
import { Alert, Breadcrumb, buttonClasses, Card, PageHeading } from "@/ui";
import { HomeRequestList } from "./_components/HomeRequestList";
import { UnreadCommunicationsAlert } from "./_components/UnreadCommunicationsAlert";
import { QuestionnaireInvitation } from "./questionario/_components/QuestionnaireInvitation";

export const metadata: Metadata = { title: "Il tuo Cassetto previdenziale" };

const emptyMessages = {
  TITOLARE: "Non risultano posizioni contributive intestate a te.",
  INTERMEDIARIO: "Nessun cliente ti ha conferito una delega attiva.",
  DIPENDENTE: "Nessuna azienda ti ha conferito una delega attiva.",
} as const;

const positionsHeadings = {
  TITOLARE: "Le tue posizioni",
  INTERMEDIARIO: "Le posizioni dei tuoi clienti",
  DIPENDENTE: "La tua azienda",
} as const;

type Props = { searchParams: Promise<{ avviso?: string }> };

export default async function CassettoHomePage({ searchParams }: Props) {
  const actor = await requireContributor("/cassetto");
  const [positions, requests] = await Promise.all([listActorPositions(actor), listHomeRequests(actor)]);
  const groups = groupPositions(actor.profile, positions);
  const byClient = actor.profile !== "TITOLARE";

  return (
    <>
      <Breadcrumb items={[{ label: "Cassetto previdenziale" }]} />
      <PageHeading
        title={`Ti diamo il benvenuto, ${actor.displayName}`}
        lead={`Codice fiscale ${actor.codiceFiscale}. Profilo: ${profileLabels[actor.profile]}.`}
      />
      <UnreadCommunicationsAlert actor={actor} />
      <QuestionnaireInvitation actor={actor} flashToken={(await searchParams).avviso} />
      <p className="mb-8 flex flex-wrap gap-4">
        <Link href="/cassetto/richieste/nuova" className={buttonClasses("primary")}>
          Nuova richiesta
        </Link>
        <Link href="/cassetto/richieste" className={buttonClasses("secondary")}>
          Le mie richieste
        </Link>
      </p>

      <div className="space-y-8">
        {requests.awaiting.length > 0 ? (
          <Card title={AWAITING_CONTRIBUTOR_NOTICE}>
            <p>La sede ti ha chiesto qualcosa: apri la richiesta, leggi il commento e rispondi con un messaggio.</p>
            <HomeRequestList requests={requests.awaiting} label="Richieste in attesa di un tuo riscontro" />
          </Card>
        ) : null}

        <Card title="Richieste in corso">
          {requests.open.length > 0 ? (
            <HomeRequestList requests={requests.open} label="Richieste in corso" />
          ) : (
            <p>Non hai altre richieste in corso.</p>
          )}
          <p className="mt-4">
            <Link href="/cassetto/richieste">Tutte le richieste e le comunicazioni</Link>
          </p>
        </Card>

        <section aria-labelledby="posizioni">
          <h2 id="posizioni" className="mb-4 text-2xl font-semibold">
            {positionsHeadings[actor.profile]}
          </h2>
          {groups.length === 0 ? (
            <Alert tone="info">{emptyMessages[actor.profile]}</Alert>
          ) : (
            <div className="space-y-6">
              {groups.map((group) => (
                <section
                  key={group.key}
                  aria-labelledby={`gruppo-${group.key}`}
                  className="rounded-sm border border-neutral-300 bg-white p-4 md:p-6"
                >
                  <h3 id={`gruppo-${group.key}`} className="text-xl font-semibold">
                    {group.title}
                  </h3>
                  {group.subtitle ? <p className="text-neutral-700">{group.subtitle}</p> : null}
                  <ul aria-label={`Posizioni di ${group.title}`} className="mt-3 divide-y divide-neutral-200">
                    {group.positions.map((position) => (
                      <li key={position.id} className="py-3">
                        <Link href={`/cassetto/posizioni/${position.id}`} className="font-semibold">
                          {positionLabel(position)}
                        </Link>
                        <p>{position.denominazione}</p>
                        <p className="text-neutral-700">
                          {byClient ? `${position.holder.name} · ` : null}Sede competente: {position.office.name}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </section>
      </div>
    </>
  );
}
