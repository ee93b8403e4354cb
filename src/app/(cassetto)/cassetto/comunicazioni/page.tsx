import type { Metadata } from "next";
import Link from "next/link";
import { firstValues, type SearchParams } from "@/app/_lib/search-params";
import { formatRomeDate, formatRomeDateTime } from "@/lib/rome-dates";
import { listReceivedCommunications } from "@/server/communications/list-received-communications";
import { positionLabel } from "@/lib/position-label";
import {
  COMMUNICATION_LIST_PATH,
  communicationListPath,
  readFilterLabels,
  readFilters,
  type ReadFilter,
} from "@/server/communications/schemas";
import { requireContributor } from "@/server/identity/session";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { positionOptions } from "@/server/positions/position-options";
import { Breadcrumb, Button, PageHeading, SelectField, StatusBadge, TableRegion } from "@/ui";

export const metadata: Metadata = { title: "Comunicazioni ricevute" };

type Props = { searchParams: Promise<SearchParams> };

export default async function ReceivedCommunicationsPage({ searchParams }: Props) {
  const actor = await requireContributor(COMMUNICATION_LIST_PATH);
  const [page, positions] = await Promise.all([
    listReceivedCommunications(actor, firstValues(await searchParams)),
    listActorPositions(actor),
  ]);
  const current = page.query.lettura;
  const posizione = page.query.posizione;
  // Someone else's position (or one no longer actable) names nothing here, and its list is empty.
  const chosen = positions.find((position) => position.id === posizione);
  const byClient = actor.profile !== "TITOLARE";
  const filters: [ReadFilter | undefined, string][] = [
    [undefined, "Tutte"],
    ...readFilters.map((filter): [ReadFilter, string] => [filter, readFilterLabels[filter]]),
  ];

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Comunicazioni ricevute" }]} />
      <PageHeading
        title="Comunicazioni ricevute"
        lead="Le comunicazioni delle sedi INPS sulle posizioni per cui puoi operare. Aprirne una la segna come letta, solo per te."
      />
      <form method="get" action={COMMUNICATION_LIST_PATH} className="mb-6 max-w-xl">
        {current ? <input type="hidden" name="lettura" value={current} /> : null}
        <SelectField
          name="posizione"
          label="Posizione"
          placeholder="Tutte le posizioni"
          options={positionOptions(actor.profile, positions)}
          defaultValue={chosen?.id ?? ""}
        />
        <Button variant="secondary">Filtra</Button>
      </form>
      <nav aria-label="Filtra per lettura" className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {filters.map(([filter, label]) => (
            <li key={label}>
              <Link
                href={communicationListPath({ lettura: filter, posizione })}
                aria-current={filter === current ? "page" : undefined}
                className={filter === current ? "font-bold" : undefined}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.rows.length === 0 ? (
        <p>{current === "da-leggere" ? "Non hai comunicazioni da leggere." : "Nessuna comunicazione."}</p>
      ) : (
        <TableRegion label="Comunicazioni ricevute">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">
              Comunicazioni ricevute{current ? `: ${readFilterLabels[current].toLowerCase()}` : ""}
              {chosen ? `, ${positionLabel(chosen)}` : ""}
            </caption>
            <thead>
              <tr className="border-b border-neutral-400">
                <th scope="col" className="py-2 pr-4">
                  Ricevuta il
                </th>
                <th scope="col" className="py-2 pr-4">
                  Oggetto
                </th>
                <th scope="col" className="py-2 pr-4">
                  Posizione
                </th>
                <th scope="col" className="py-2 pr-4">
                  Sede
                </th>
                <th scope="col" className="py-2">
                  Lettura
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} className="border-b border-neutral-200 align-top">
                  <td className="py-2 pr-4">{formatRomeDateTime(row.createdAt)}</td>
                  <td className="py-2 pr-4">
                    <Link href={`/cassetto/richieste/${row.id}`}>{row.subject.label}</Link>
                    <span className="block font-mono text-sm">{row.protocolNumber}</span>
                    {row.answerDueAt ? (
                      <span className="block text-sm">
                        Risposta attesa entro il {formatRomeDate(new Date(row.answerDueAt.getTime() - 1))}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    {positionLabel(row.position)}
                    {byClient ? <span className="block text-sm">{row.position.holderName}</span> : null}
                  </td>
                  <td className="py-2 pr-4">{row.office?.name ?? ""}</td>
                  <td className="py-2">
                    {row.readAt ? (
                      <StatusBadge tone="neutral" label={`Letta il ${formatRomeDate(row.readAt)}`} />
                    ) : (
                      <StatusBadge tone="warning" label="Da leggere" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={communicationListPath({ lettura: current, posizione, dopo: page.nextCursor })}>Comunicazioni precedenti</Link>
        </p>
      ) : null}
    </>
  );
}
