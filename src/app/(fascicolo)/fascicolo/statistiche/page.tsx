import type { Metadata } from "next";
import { orFieldErrors, withoutInvalid } from "@/app/_lib/or-field-errors";
import { orNotFound } from "@/app/_lib/or-not-found";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDuration, formatDurationInWords } from "@/lib/durations";
import { formatRomeDate, romeDayStart } from "@/lib/rome-dates";
import type { FieldErrors } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { EXACT_PERIOD_DAYS, getResponseFigures, type ResponseFigures } from "@/server/statistics/get-response-figures";
import { DEFAULT_PERIOD_DAYS, figuresFilterNames, MAX_PERIOD_DAYS } from "@/server/statistics/schemas";
import { Alert, Breadcrumb, Button, buttonClasses, DescriptionList, PageHeading, SelectField, TextField, DataTable } from "@/ui";
import { firstValues, type SearchParams } from "@/app/_lib/search-params";
import { GroupedBarChart } from "./_components/GroupedBarChart";

export const metadata: Metadata = { title: "Tempi di risposta" };

type Props = { searchParams: Promise<SearchParams> };

const PATH = "/fascicolo/statistiche";

/** The figures for the parameters; invalid ones are reported and left out (both days when either is wrong). */
async function loadFigures(
  operator: OperatorActor,
  params: Record<string, string>,
): Promise<{ figures: ResponseFigures; errors: FieldErrors }> {
  const { result, errors } = await orFieldErrors(() => getResponseFigures(operator, params));
  if (result) return { figures: result, errors };
  const period = errors.dal || errors.al;
  const valid = Object.entries(withoutInvalid(params, errors)).filter(([name]) => !(period && (name === "dal" || name === "al")));
  return { figures: await orNotFound(() => getResponseFigures(operator, Object.fromEntries(valid))), errors };
}

/** The query string of the filters applied, for the CSV link. */
function filterQuery(figures: ResponseFigures): string {
  const query = new URLSearchParams();
  for (const name of figuresFilterNames) {
    const value = figures.filters[name];
    if (value) query.set(name, value);
  }
  return query.toString();
}

const day = (isoDay: string) => formatRomeDate(romeDayStart(isoDay));
const number = (value: number) => value.toLocaleString("it-IT");
const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${(part / whole).toLocaleString("it-IT", { style: "percent", maximumFractionDigits: 1 })}`;

function Duration({ seconds }: { seconds: number | null }) {
  if (seconds === null) return <span>—</span>;
  return <abbr title={formatDurationInWords(seconds)}>{formatDuration(seconds)}</abbr>;
}

const steps = [
  ["taken", "Presa in carico"],
  ["firstReply", "Prima risposta"],
  ["closed", "Chiusura"],
] as const;

const cell = "px-3 py-2";
const numeric = `${cell} text-right tabular-nums`;

export default async function StatisticsPage({ searchParams }: Props) {
  const operator = await requireOperator(PATH);
  if (operator.role === "OPERATORE") notFound();
  const params = firstValues(await searchParams);
  const { figures, errors } = await loadFigures(operator, params);
  const { filters, total, weeks } = figures;
  const error = (name: string) => errors[name]?.[0];
  const scope = figures.officeName ?? "tutte le sedi";
  const withoutDueDate = total.closed.count - total.closedWithDueDate;
  const weekLabel = (week: (typeof weeks)[number]) => `Settimana ${week.isoWeek} del ${week.isoYear} (dal ${day(week.monday)})`;
  const busiest = weeks.reduce((best, week) => (week.received > (best?.received ?? -1) ? week : best), weeks[0]);

  return (
    <>
      <Breadcrumb items={[{ href: "/fascicolo", label: "Fascicolo elettronico" }, { label: "Tempi di risposta" }]} />
      <PageHeading
        title="Tempi di risposta"
        lead={`Quesiti di ${scope} dal ${day(filters.dal)} al ${day(filters.al)}: quanti sono arrivati, presi in carico, con una prima risposta e chiusi, e in quanto tempo dalla ricezione.`}
      />

      <section aria-labelledby="filtri-titolo" className="mb-8 rounded-sm border border-neutral-300 bg-white p-5 md:p-6">
        <h2 id="filtri-titolo" className="mb-4 text-xl font-bold">
          Periodo e filtri
        </h2>
        {Object.keys(errors).length > 0 ? (
          <Alert tone="danger" title="Alcuni filtri non sono validi e non sono stati applicati: correggerli." />
        ) : null}
        <form method="get" action={PATH}>
          <div className="grid gap-x-6 md:grid-cols-2">
            <TextField
              name="dal"
              type="date"
              label="Dal giorno"
              hint={`Senza date: gli ultimi ${DEFAULT_PERIOD_DAYS} giorni. Al massimo un anno (${MAX_PERIOD_DAYS} giorni).`}
              defaultValue={params.dal ?? filters.dal}
              error={error("dal")}
            />
            <TextField name="al" type="date" label="Al giorno (compreso)" defaultValue={params.al ?? filters.al} error={error("al")} />
          </div>
          <div className="grid gap-x-6 md:grid-cols-2">
            {figures.offices.length > 0 ? (
              <SelectField
                name="sede"
                label="Sede"
                placeholder="Tutte le sedi"
                defaultValue={params.sede ?? ""}
                options={figures.offices}
                error={error("sede")}
              />
            ) : null}
            <SelectField
              name="gestione"
              label="Gestione"
              placeholder="Tutte le gestioni"
              defaultValue={params.gestione ?? ""}
              options={figures.gestioni}
              error={error("gestione")}
            />
          </div>
          <SelectField
            name="oggetto"
            label="Oggetto"
            hint="Un'area comprende tutti i suoi oggetti."
            placeholder="Tutti gli oggetti"
            defaultValue={params.oggetto ?? ""}
            options={figures.subjectGroups}
            error={error("oggetto")}
          />
          <div className="flex flex-wrap gap-4">
            <Button>Mostra i dati</Button>
            <Link href={PATH} className={buttonClasses("secondary")}>
              Ultimi {DEFAULT_PERIOD_DAYS} giorni
            </Link>
          </div>
        </form>
      </section>

      <section aria-labelledby="sintesi-titolo" className="mb-10">
        <h2 id="sintesi-titolo" className="mb-4 text-2xl font-bold">
          In sintesi
        </h2>
        <DescriptionList
          rows={[
            ["Ricevuti nel periodo", number(total.received)],
            ["Presi in carico nel periodo", number(total.taken.count)],
            ["Con una prima risposta nel periodo", number(total.firstReply.count)],
            ["Chiusi nel periodo", number(total.closed.count)],
            [
              "Chiusi entro la scadenza",
              `${number(total.closedOnTime)} su ${number(total.closedWithDueDate)} con una scadenza (${percent(total.closedOnTime, total.closedWithDueDate)})`,
            ],
            ["Non chiusi oggi", `${number(total.backlog)}, di cui ${number(total.overdue)} oltre la scadenza`],
          ]}
        />
        <p className="mt-4 max-w-3xl text-neutral-700">
          {`Ogni numero conta ciò che è avvenuto nel periodo: i quesiti ricevuti, presi in carico, con la prima risposta o chiusi in quei giorni (ora di Roma). La quota entro la scadenza considera solo i quesiti chiusi che ne hanno una${withoutDueDate > 0 ? `: ${number(withoutDueDate)} chiusi senza scadenza non sono compresi` : ""}. I quesiti non chiusi sono quelli di oggi, qualunque sia il periodo. Le comunicazioni inviate dalla sede non sono comprese.`}
        </p>
        <p className="mt-4">
          <a href={`${PATH}/esportazione?${filterQuery(figures)}`} className={buttonClasses("secondary")} download>
            Scarica CSV
          </a>
        </p>
      </section>

      <section aria-labelledby="tempi-titolo" className="mb-10">
        <h2 id="tempi-titolo" className="mb-4 text-2xl font-bold">
          Tempi dalla ricezione
        </h2>
        {figures.approximateTimes ? (
          <p className="mb-4 max-w-3xl text-neutral-700">
            I tempi vengono dal riepilogo giornaliero: mediana e 90° percentile sono approssimati all&apos;ora entro le prime 48 ore e al
            giorno oltre. Per i tempi esatti scegliere una sede e un periodo di al massimo {EXACT_PERIOD_DAYS} giorni.
          </p>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <GroupedBarChart
            id="grafico-tempi"
            title="Tempi dalla ricezione: mediana e 90° percentile"
            description={steps
              .map(([key, label]) => {
                const times = total[key];
                return times.median === null
                  ? `${label}: nessun quesito nel periodo.`
                  : `${label}: mediana ${formatDurationInWords(times.median)}, 90° percentile ${formatDurationInWords(times.p90 ?? 0)}.`;
              })
              .join(" ")}
            categories={steps.map(([, label]) => label)}
            series={[
              { name: "Mediana", values: steps.map(([key]) => total[key].median ?? 0), look: "solid" },
              { name: "90° percentile", values: steps.map(([key]) => total[key].p90 ?? 0), look: "hatched" },
            ]}
            format={formatDuration}
          />
          <DataTable
            label="Tempi dalla ricezione"
            caption="Metà dei quesiti ha atteso al più la mediana; nove su dieci al più il 90° percentile."
            columns={[
              { label: "Passaggio" },
              { label: "Quesiti", numeric: true },
              { label: "Mediana", numeric: true },
              { label: "90° percentile", numeric: true },
            ]}
          >
            {steps.map(([key, label]) => (
              <tr key={key} className="border-b border-neutral-200">
                <th scope="row" className={`${cell} font-normal`}>
                  {label}
                </th>
                <td className={numeric}>{number(total[key].count)}</td>
                <td className={numeric}>
                  <Duration seconds={total[key].median} />
                </td>
                <td className={numeric}>
                  <Duration seconds={total[key].p90} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      </section>

      <section aria-labelledby="andamento-titolo" className="mb-10">
        <h2 id="andamento-titolo" className="mb-4 text-2xl font-bold">
          Andamento settimanale
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <GroupedBarChart
            id="grafico-andamento"
            title="Quesiti ricevuti e chiusi per settimana"
            description={`${weeks.length} settimane dal ${day(filters.dal)} al ${day(filters.al)}: ${number(total.received)} quesiti ricevuti e ${number(total.closed.count)} chiusi.${busiest && busiest.received > 0 ? ` Più ricevuti nella settimana ${busiest.isoWeek} del ${busiest.isoYear}: ${number(busiest.received)}.` : ""} I numeri di ogni settimana sono nella tabella.`}
            categories={weeks.map((week) => `S${week.isoWeek}`)}
            series={[
              { name: "Ricevuti", values: weeks.map((week) => week.received), look: "solid" },
              { name: "Chiusi", values: weeks.map((week) => week.closed), look: "hatched" },
            ]}
            format={(value) => number(Math.round(value))}
            valueLabels={weeks.length <= 8}
          />
          <DataTable
            label="Quesiti ricevuti e chiusi per settimana"
            caption="Settimane da lunedì a domenica; la prima e l'ultima possono essere solo in parte nel periodo."
            columns={[{ label: "Settimana" }, { label: "Ricevuti", numeric: true }, { label: "Chiusi", numeric: true }]}
          >
            {weeks.map((week) => (
              <tr key={week.monday} className="border-b border-neutral-200">
                <th scope="row" className={`${cell} font-normal`}>
                  {weekLabel(week)}
                </th>
                <td className={numeric}>{number(week.received)}</td>
                <td className={numeric}>{number(week.closed)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </section>

      <section aria-labelledby="dettaglio-titolo">
        <h2 id="dettaglio-titolo" className="mb-4 text-2xl font-bold">
          Per sede e {figures.breakdown}
        </h2>
        {figures.rows.length === 0 ? (
          <Alert tone="info" title="Nessun quesito nel periodo con questi filtri." />
        ) : (
          <DataTable
            label={`Dati per sede e ${figures.breakdown}`}
            caption="Tempi mediani dalla ricezione; i quesiti non chiusi sono quelli di oggi."
            columns={[
              { label: "Sede" },
              { label: "Gestione e oggetto" },
              { label: "Ricevuti", numeric: true },
              { label: "Presa in carico", numeric: true },
              { label: "Prima risposta", numeric: true },
              { label: "Chiusi", numeric: true },
              { label: "Chiusura", numeric: true },
              { label: "Entro la scadenza", numeric: true },
              { label: "Non chiusi (scaduti)", numeric: true },
            ]}
          >
            {figures.rows.map((row) => (
              <tr
                key={`${row.officeName}-${row.gestioneLabel}-${row.areaLabel}-${row.subjectLabel}`}
                className="border-b border-neutral-200"
              >
                <td className={cell}>{row.officeName}</td>
                <th scope="row" className={`${cell} font-normal`}>
                  <span className="block text-sm text-neutral-700">
                    {row.gestioneLabel}
                    {row.areaLabel ? ` – ${row.areaLabel}` : ""}
                  </span>
                  {row.subjectLabel}
                </th>
                <td className={numeric}>{number(row.received)}</td>
                <td className={numeric}>
                  <Duration seconds={row.taken.median} />
                </td>
                <td className={numeric}>
                  <Duration seconds={row.firstReply.median} />
                </td>
                <td className={numeric}>{number(row.closed.count)}</td>
                <td className={numeric}>
                  <Duration seconds={row.closed.median} />
                </td>
                <td className={numeric}>{percent(row.closedOnTime, row.closedWithDueDate)}</td>
                <td className={numeric}>{`${number(row.backlog)} (${number(row.overdue)})`}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
