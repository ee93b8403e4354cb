import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { findContributors, type ContributorSearchResult } from "@/server/contributors/find-contributors";
import { CONTRIBUTOR_RESULTS_MAX } from "@/server/contributors/schemas";
import { ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, PageHeading, TableRegion } from "@/ui";
import { firstValues, type SearchParams } from "@/app/_lib/search-params";
import { ContributorSearch } from "../_components/ContributorSearch";
import { contributorFilePath, CONTRIBUTOR_SEARCH_PATH } from "./paths";

export const metadata: Metadata = { title: "Cerca un contribuente" };

type Props = { searchParams: Promise<SearchParams> };

/** The people found, or the term's message at the field. */
async function search(
  operator: OperatorActor,
  cerca: string | undefined,
): Promise<{ result: ContributorSearchResult | null; error?: string }> {
  try {
    return { result: await findContributors(operator, { cerca }) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { result: null, error: error.fieldErrors.cerca?.[0] ?? error.message };
  }
}

export default async function ContributorSearchPage({ searchParams }: Props) {
  const operator = await requireOperator(CONTRIBUTOR_SEARCH_PATH);
  const { cerca } = firstValues(await searchParams);
  const { result, error } = await search(operator, cerca);
  const [only] = result?.people ?? [];
  // Exactly one person: straight to the file.
  if (result?.people.length === 1 && only && !result.more) redirect(contributorFilePath(only.codiceFiscale));

  return (
    <>
      <Breadcrumb items={[{ href: "/fascicolo", label: "Fascicolo elettronico" }, { label: "Contribuenti" }]} />
      <PageHeading
        title="Cerca un contribuente"
        lead="Trova il fascicolo di un contribuente della sede: per codice fiscale, matricola, nome o numero di protocollo."
      />
      <ContributorSearch defaultValue={cerca ?? ""} error={error} />
      {result?.term ? (
        <section aria-labelledby="risultati-titolo" className="mt-8">
          <h2 id="risultati-titolo" className="mb-4 text-2xl font-bold">
            Risultati
          </h2>
          {result.people.length === 0 ? (
            <Alert tone="info" title="Nessun contribuente trovato tra quelli della sede.">
              <p>
                Si trovano i contribuenti con una posizione di competenza della sede o con un quesito nella sua coda. Controllare il testo
                cercato o provare con un altro dato.
              </p>
            </Alert>
          ) : (
            <>
              {result.more ? (
                <Alert tone="warning" title={`Più di ${CONTRIBUTOR_RESULTS_MAX} contribuenti corrispondono alla ricerca.`}>
                  <p>Sono mostrati i primi {CONTRIBUTOR_RESULTS_MAX} per cognome: aggiungere il nome o cercare per codice fiscale.</p>
                </Alert>
              ) : null}
              <TableRegion label="Contribuenti trovati">
                <table className="w-full border-collapse bg-white text-left">
                  <caption className="mb-2 text-left text-neutral-700">{`Contribuenti trovati: ${result.people.length}${result.more ? " (i primi)" : ""}.`}</caption>
                  <thead>
                    <tr className="border-b-2 border-neutral-400">
                      <th scope="col" className="px-3 py-2">
                        Contribuente
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Codice fiscale
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Posizioni della sede
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.people.map((person) => (
                      <tr key={person.codiceFiscale} className="border-b border-neutral-200 align-top">
                        <th scope="row" className="px-3 py-2 font-normal">
                          <Link href={contributorFilePath(person.codiceFiscale)}>{person.name}</Link>
                        </th>
                        <td className="px-3 py-2 font-mono">{person.codiceFiscale}</td>
                        <td className="px-3 py-2">
                          {person.positions.length === 0 ? (
                            <span className="text-neutral-700">Nessuna: un quesito nella coda della sede</span>
                          ) : (
                            <ul>
                              {person.positions.map((position) => (
                                <li key={`${position.gestioneLabel}-${position.matricola}`}>
                                  {position.gestioneLabel} – matricola <span className="font-mono">{position.matricola}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
