import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getContributorFile, type ContributorFile } from "@/server/contributors/get-contributor-file";
import { timelineKindLabels, timelineKinds } from "@/server/contributors/schemas";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireOperator } from "@/server/identity/session";
import {
  Alert,
  Breadcrumb,
  Button,
  buttonClasses,
  CheckboxField,
  FieldError,
  PageHeading,
  Pagination,
  SelectField,
  TableRegion,
  TextField,
} from "@/ui";
import { firstValues, type SearchParams } from "@/app/_lib/search-params";
import { ContributorTimeline } from "../_components/ContributorTimeline";
import { contributorFilePath, CONTRIBUTOR_SEARCH_PATH } from "../paths";

export const metadata: Metadata = { title: "Fascicolo del contribuente" };

type Props = { params: Promise<{ codiceFiscale: string }>; searchParams: Promise<SearchParams> };

const filterNames = ["posizione", "dal", "al"] as const;

/** The parameters the file reads: the first value of each, and every kind ticked. */
function timelineQuery(params: SearchParams): Record<string, string | string[]> {
  const { tipo } = params;
  return { ...firstValues(params), ...(tipo ? { tipo } : {}) };
}

/** The file's timeline with these filters, at the page a cursor gives (none: the first). */
function pageHref(path: string, params: Record<string, string | string[]>, dopo?: string): string {
  const query = new URLSearchParams();
  for (const kind of [params.tipo ?? []].flat()) query.append("tipo", kind);
  for (const name of filterNames) {
    const value = params[name];
    if (typeof value === "string" && value) query.set(name, value);
  }
  if (dopo) query.set("dopo", dopo);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

function Positions({ positions }: Pick<ContributorFile, "positions">) {
  if (positions.length === 0) return <p>Nessuna posizione intestata: il contribuente ha quesiti nella coda della sede.</p>;
  return (
    <TableRegion label="Posizioni del contribuente">
      <table className="w-full border-collapse bg-white text-left">
        <caption className="mb-2 text-left text-neutral-700">{`Posizioni intestate: ${positions.length}.`}</caption>
        <thead>
          <tr className="border-b-2 border-neutral-400">
            <th scope="col" className="px-3 py-2">
              Matricola
            </th>
            <th scope="col" className="px-3 py-2">
              Gestione
            </th>
            <th scope="col" className="px-3 py-2">
              Denominazione
            </th>
            <th scope="col" className="px-3 py-2">
              Sede competente
            </th>
          </tr>
        </thead>
        <tbody>
          {positions.map((position) => (
            <tr key={position.id} className="border-b border-neutral-200 align-top">
              <th scope="row" className="px-3 py-2 font-mono font-normal">
                {position.matricola}
              </th>
              <td className="px-3 py-2">{position.gestioneLabel}</td>
              <td className="px-3 py-2">
                {position.denominazione} ({position.province})
              </td>
              <td className="px-3 py-2">
                {position.office.name} ({position.office.code}){position.ownOffice ? " – questa sede" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default async function ContributorFilePage({ params, searchParams }: Props) {
  const { codiceFiscale } = await params;
  const path = contributorFilePath(codiceFiscale);
  const operator = await requireOperator(path);
  const query = timelineQuery(await searchParams);
  let file: ContributorFile;
  try {
    file = await getContributorFile(operator, codiceFiscale, query, path);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const error = (name: string) => file.errors[name]?.[0];
  const filtered = query.tipo !== undefined || filterNames.some((name) => query[name]);
  const day = (name: "dal" | "al") => (typeof query[name] === "string" ? query[name] : "");

  return (
    <>
      <Breadcrumb
        items={[
          { href: "/fascicolo", label: "Fascicolo elettronico" },
          { href: CONTRIBUTOR_SEARCH_PATH, label: "Contribuenti" },
          { label: file.person.name },
        ]}
      />
      <PageHeading title={file.person.name} lead={`Fascicolo del contribuente · codice fiscale ${file.person.codiceFiscale}`} />

      <section aria-labelledby="posizioni-titolo" className="mt-8">
        <h2 id="posizioni-titolo" className="mb-4 text-2xl font-bold">
          Posizioni
        </h2>
        <Positions positions={file.positions} />
      </section>

      <section aria-labelledby="cronologia-titolo" className="mt-10">
        <h2 id="cronologia-titolo" className="mb-4 text-2xl font-bold">
          Cronologia
        </h2>
        <div className="mb-6 rounded-sm border border-neutral-300 bg-white p-5 md:p-6">
          {Object.keys(file.errors).length > 0 ? (
            <Alert tone="danger" title="Alcuni filtri non sono validi e non sono stati applicati: correggerli." />
          ) : null}
          {/* Keyed by the filters, so that "Azzera i filtri" (a client-side navigation) empties the fields. */}
          <form key={pageHref(path, query)} method="get" action={path} aria-label="Filtra la cronologia">
            <fieldset className="mb-6" aria-describedby={error("tipo") ? "tipo-errore" : undefined}>
              <legend className="mb-2 font-semibold">Tipo</legend>
              {error("tipo") ? <FieldError id="tipo-errore">{error("tipo") ?? ""}</FieldError> : null}
              <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
                {timelineKinds.map((kind) => (
                  <CheckboxField
                    key={kind}
                    name="tipo"
                    id={`tipo-${kind}`}
                    value={kind}
                    label={timelineKindLabels[kind]}
                    defaultChecked={file.filters.tipo?.includes(kind) ?? false}
                  />
                ))}
              </div>
              <p className="text-sm text-neutral-700">Nessuna casella: tutti i tipi.</p>
            </fieldset>
            <div className="grid gap-x-6 md:grid-cols-3">
              <SelectField
                name="posizione"
                label="Posizione"
                placeholder="Tutte le posizioni"
                defaultValue={file.filters.posizione ?? ""}
                options={file.positions.map((position) => ({
                  value: position.id,
                  label: `${position.gestioneLabel} – ${position.matricola}`,
                }))}
                error={error("posizione")}
              />
              <TextField name="dal" type="date" label="Dal" defaultValue={day("dal")} error={error("dal")} />
              <TextField name="al" type="date" label="Fino al" defaultValue={day("al")} error={error("al")} />
            </div>
            <div className="flex flex-wrap gap-4">
              <Button>Applica i filtri</Button>
              <Link href={path} className={buttonClasses("secondary")}>
                Azzera i filtri
              </Link>
            </div>
          </form>
        </div>
        {file.items.length === 0 ? (
          <Alert tone="info" title={filtered ? "Nulla corrisponde ai filtri." : "Nessun evento nel fascicolo."}>
            <p>
              {filtered
                ? "Modifica o azzera i filtri per vedere altri eventi."
                : "Richieste, messaggi, deleghe e contatti compariranno qui."}
            </p>
          </Alert>
        ) : (
          <ContributorTimeline items={file.items} />
        )}
        {file.nextCursor || file.filters.dopo ? (
          <Pagination
            label="Pagine della cronologia"
            firstHref={file.filters.dopo ? pageHref(path, query) : undefined}
            nextHref={file.nextCursor ? pageHref(path, query, file.nextCursor) : undefined}
          />
        ) : null}
      </section>
    </>
  );
}
