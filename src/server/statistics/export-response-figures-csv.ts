import "server-only";
import { toCsv } from "@/lib/csv";
import { hoursFigure } from "@/lib/durations";
import type { OperatorActor } from "@/server/identity/actor";
import { getResponseFigures, type Figures, type StepTimes } from "./get-response-figures";

/** The columns; the times' say "approssimato" when they come from the daily summary's histograms (decision 0036). */
const headers = (approximate: boolean) => [
  "Sede",
  "Gestione",
  "Area",
  "Oggetto",
  "Ricevuti",
  "Presi in carico",
  `Presa in carico: mediana (ore${approximate ? ", approssimato" : ""})`,
  `Presa in carico: 90° percentile (ore${approximate ? ", approssimato" : ""})`,
  "Prime risposte",
  `Prima risposta: mediana (ore${approximate ? ", approssimato" : ""})`,
  `Prima risposta: 90° percentile (ore${approximate ? ", approssimato" : ""})`,
  "Chiusi",
  `Chiusura: mediana (ore${approximate ? ", approssimato" : ""})`,
  `Chiusura: 90° percentile (ore${approximate ? ", approssimato" : ""})`,
  "Chiusi con scadenza",
  "Chiusi entro la scadenza",
  "Non chiusi oggi",
  "Scaduti oggi",
];

const hours = (value: number | null) => (value === null ? "" : hoursFigure(value));
const step = (times: StepTimes) => [String(times.count), hours(times.median), hours(times.p90)];

function figureCells(figures: Figures): string[] {
  return [
    String(figures.received),
    ...step(figures.taken),
    ...step(figures.firstReply),
    ...step(figures.closed),
    String(figures.closedWithDueDate),
    String(figures.closedOnTime),
    String(figures.backlog),
    String(figures.overdue),
  ];
}

/**
 * The response-time figures (F26) as CSV, with the page's filters and access
 * rules: the whole first, then the page's rows (per office and subject, or
 * per office and gestione for all offices without a subject); times in hours
 * from reception, with a decimal comma (said approximate in the headers when
 * they come from the daily summary).
 */
export async function exportResponseFiguresCsv(
  operator: OperatorActor,
  rawFilters: unknown,
  now = new Date(),
): Promise<{ fileName: string; csv: string }> {
  const figures = await getResponseFigures(operator, rawFilters, now);
  const { dal, al } = figures.filters;
  return {
    fileName: `tempi-di-risposta-${dal}-${al}.csv`,
    csv: toCsv(headers(figures.approximateTimes), [
      [figures.officeName ?? "Tutte le sedi", "Totale", "", "", ...figureCells(figures.total)],
      ...figures.rows.map((row) => [row.officeName, row.gestioneLabel, row.areaLabel ?? "", row.subjectLabel, ...figureCells(row)]),
    ]),
  };
}
