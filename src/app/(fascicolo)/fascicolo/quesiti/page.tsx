import type { Metadata } from "next";
import { orFieldErrors, withoutInvalid } from "@/app/_lib/or-field-errors";
import Link from "next/link";
import { totalLabel } from "@/lib/capped-total";
import { formatRomeDate, formatRomePlainDay } from "@/lib/rome-dates";
import type { FieldErrors } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { listOfficeQuesiti, type OfficeQueue } from "@/server/quesiti/list-office-quesiti";
import { listQueueFilterChoices } from "@/server/quesiti/list-queue-filter-choices";
import {
  assigneeFilterLabels,
  queueKindFilterLabels,
  queueKindFilters,
  assigneeFilters,
  queueDueFilterLabels,
  queueDueFilters,
  queueOrderLabels,
  queueOrders,
  queueStateFilterLabels,
  queueStateFilters,
  SEARCH_MAX_LENGTH,
} from "@/server/quesiti/schemas";
import { Alert, Breadcrumb, Button, buttonClasses, PageHeading, Pagination, SelectField, TableRegion, TextField } from "@/ui";
import { QuesitoRows, type QuesitoRowView } from "./_components/QuesitoRows";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import { firstValues, keysetPageLinks, listPageHref, type ListCursor, type SearchParams } from "@/app/_lib/search-params";
import { pageFlash } from "./_lib/flash";
import { OUTCOME_NOTICE_ID, quesitoPath } from "./_lib/paths";

export const metadata: Metadata = { title: "Quesiti della sede" };

type Props = { searchParams: Promise<SearchParams> };

/** `filtri=1` opens the less used filters on a list that uses none of them; the form sends it back, so that they stay open. */
const FILTERS_PARAM = "filtri";
const FILTERS_ANCHOR = "altri-filtri";
/** Filters shown only when asked for or in use (decision 0040): the common ones stay in view. */
const moreFilterNames = ["tipo", "gestione", "oggetto", "dal", "al", "ordine"] as const;
const filterNames = ["cerca", "stato", "scadenza", "assegnazione", ...moreFilterNames, FILTERS_PARAM] as const;

/** The queue for the parameters; invalid ones are reported and left out. */
async function loadQueue(operator: OperatorActor, params: Record<string, string>): Promise<{ queue: OfficeQueue; errors: FieldErrors }> {
  const { result, errors } = await orFieldErrors(() => listOfficeQuesiti(operator, params));
  return { queue: result ?? (await listOfficeQuesiti(operator, withoutInvalid(params, errors))), errors };
}

/** A row as the client rows show it: text only, formatted here (decision 0040). */
function rowView(row: OfficeQueue["rows"][number]): QuesitoRowView {
  return {
    id: row.id,
    href: quesitoPath(row.id),
    protocolNumber: row.protocolNumber,
    received: { iso: row.receivedAt.toISOString(), text: formatRomeDate(row.receivedAt) },
    due: row.due ? { day: row.due.day, text: formatRomePlainDay(row.due.day), overdue: row.due.overdue } : null,
    position: { name: row.position.denominazione, detail: row.position.gestioneLabel, matricola: row.position.matricola },
    holder: { name: row.holder.name, codiceFiscale: row.holder.codiceFiscale },
    subject: { area: row.subject.areaLabel, label: row.subject.label, snippet: row.snippet },
    state: { value: row.state, label: row.stateLabel },
    assignee: row.assigneeName,
  };
}

/** The list with these filters, at the page a cursor gives (none: the first). */
const pageHref = (params: Record<string, string>, cursor?: ListCursor) => listPageHref("/fascicolo/quesiti", filterNames, params, cursor);

export default async function QuesitiQueuePage({ searchParams }: Props) {
  const operator = await requireOperator("/fascicolo/quesiti");
  const params = firstValues(await searchParams);
  const { queue, errors } = await loadQueue(operator, params);
  const flash = await pageFlash(params[FLASH_PARAM]);
  const { filters } = queue;
  const error = (name: string) => errors[name]?.[0];
  const filtered = filterNames.some((name) => name !== "ordine" && name !== FILTERS_PARAM && params[name]);
  const showMore = params[FILTERS_PARAM] === "1" || moreFilterNames.some((name) => params[name] || errors[name]);
  const pageLinks = keysetPageLinks((cursor) => pageHref(params, cursor), queue);
  // Read only when shown: most views of the queue use the common filters alone (decision 0048).
  const choices = showMore ? await listQueueFilterChoices(operator, filters) : null;

  return (
    <>
      <Breadcrumb items={[{ href: "/fascicolo", label: "Fascicolo elettronico" }, { label: "Quesiti" }]} />
      <PageHeading
        title="Quesiti della sede"
        lead={`La coda di lavoro di ${operator.office.name}: cerca, filtra e apri un quesito per lavorarlo.`}
      />
      {flash ? (
        <Alert tone={flash.tone} id={OUTCOME_NOTICE_ID}>
          <p>{flash.message}</p>
        </Alert>
      ) : null}

      <section aria-labelledby="filtri-titolo" className="mb-8 rounded-sm border border-neutral-300 bg-white p-5 md:p-6">
        <h2 id="filtri-titolo" className="mb-4 text-xl font-bold">
          Cerca e filtra
        </h2>
        {Object.keys(errors).length > 0 ? (
          <Alert tone="danger" title="Alcuni filtri non sono validi e non sono stati applicati: correggerli." />
        ) : null}
        {/* Keyed by the filters, so that "Azzera i filtri" (a client-side navigation) empties the fields. */}
        <form key={pageHref(params)} method="get" action="/fascicolo/quesiti">
          {showMore ? <input type="hidden" name={FILTERS_PARAM} value="1" /> : null}
          <TextField
            name="cerca"
            type="search"
            label="Cerca"
            hint="Protocollo (anche in parte), codice fiscale, matricola o parole dell'oggetto, dei messaggi, delle note e dei file."
            defaultValue={params.cerca ?? ""}
            maxLength={SEARCH_MAX_LENGTH}
            error={error("cerca")}
          />
          <div className="grid gap-x-6 md:grid-cols-3">
            <SelectField
              name="stato"
              label="Stato"
              defaultValue={filters.stato}
              options={queueStateFilters.map((value) => ({ value, label: queueStateFilterLabels[value] }))}
              error={error("stato")}
            />
            <SelectField
              name="scadenza"
              label="Scadenza"
              hint="Termine nei prossimi giorni lavorativi; esclusi i quesiti in attesa del contribuente."
              defaultValue={filters.scadenza}
              options={queueDueFilters.map((value) => ({ value, label: queueDueFilterLabels[value] }))}
              error={error("scadenza")}
            />
            <SelectField
              name="assegnazione"
              label="Assegnazione"
              defaultValue={filters.assegnazione}
              options={assigneeFilters.map((value) => ({ value, label: assigneeFilterLabels[value] }))}
              error={error("assegnazione")}
            />
          </div>
          {choices ? (
            <div id={FILTERS_ANCHOR}>
              <div className="grid gap-x-6 md:grid-cols-2">
                <SelectField
                  name="tipo"
                  label="Tipo"
                  defaultValue={filters.tipo}
                  options={queueKindFilters.map((value) => ({ value, label: queueKindFilterLabels[value] }))}
                  error={error("tipo")}
                />
                <SelectField
                  name="gestione"
                  label="Gestione"
                  placeholder="Tutte le gestioni"
                  defaultValue={filters.gestione ?? ""}
                  options={choices.gestioni}
                  error={error("gestione")}
                />
              </div>
              <SelectField
                name="oggetto"
                label="Oggetto"
                hint="Un'area comprende i suoi oggetti; per un solo oggetto scegliere prima la gestione e applicare."
                placeholder="Tutti gli oggetti"
                defaultValue={filters.oggetto ?? ""}
                options={choices.subjectGroups}
                error={error("oggetto")}
              />
              <div className="grid gap-x-6 md:grid-cols-3">
                <TextField name="dal" type="date" label="Ricevuti dal" defaultValue={params.dal ?? ""} error={error("dal")} />
                <TextField name="al" type="date" label="Ricevuti fino al" defaultValue={params.al ?? ""} error={error("al")} />
                <SelectField
                  name="ordine"
                  label="Ordine"
                  placeholder="Proposto: per pertinenza con una ricerca, altrimenti dal meno recente"
                  defaultValue={params.ordine ? filters.ordine : ""}
                  options={queueOrders.map((value) => ({ value, label: queueOrderLabels[value] }))}
                />
              </div>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-4">
            <Button>Applica i filtri</Button>
            <Link href="/fascicolo/quesiti" className={buttonClasses("secondary")}>
              Azzera i filtri
            </Link>
            {showMore ? null : (
              <Link href={`${pageHref({ ...params, [FILTERS_PARAM]: "1" })}#${FILTERS_ANCHOR}`}>
                Altri filtri: tipo, gestione, oggetto, date e ordine
              </Link>
            )}
          </div>
        </form>
      </section>

      {queue.rows.length === 0 ? (
        <Alert tone="info" title={filtered ? "Nessun quesito corrisponde ai filtri." : "Non ci sono quesiti da lavorare."}>
          <p>
            {filtered
              ? "Modifica o azzera i filtri per vedere altri quesiti della sede."
              : "Quando un contribuente invia una richiesta di competenza della sede, il quesito compare qui."}
          </p>
        </Alert>
      ) : (
        <>
          <TableRegion label="Quesiti della sede">
            <table className="list-table w-full border-collapse bg-white text-left">
              <caption className="mb-2 text-left text-neutral-700">
                {`Quesiti trovati: ${totalLabel(queue.total)}; in questa pagina ${queue.rows.length}.`}
              </caption>
              <thead>
                <tr className="border-b-2 border-neutral-400">
                  <th scope="col">Protocollo</th>
                  <th scope="col">Ricevuto il</th>
                  <th scope="col">Risposta entro il</th>
                  <th scope="col">Posizione</th>
                  <th scope="col">Titolare</th>
                  <th scope="col">Oggetto</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Assegnato a</th>
                </tr>
              </thead>
              <tbody>
                <QuesitoRows rows={queue.rows.map(rowView)} />
              </tbody>
            </table>
          </TableRegion>
          {pageLinks ? <Pagination label="Pagine della coda" {...pageLinks} /> : null}
        </>
      )}
    </>
  );
}
