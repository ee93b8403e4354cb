import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listFloorRows, type FloorRow } from "@/server/bench/list-floor-rows";
import { NotFoundError } from "@/server/errors/domain-errors";

export const metadata: Metadata = { title: "Pagina minima", robots: { index: false, follow: false } };

/**
 * The floor of `npm run bench:pages`: the least a page of this build can do
 * (one query, a 25-row table, the root layout around it), measured beside the
 * real pages. Not found unless BENCH_FLOOR_PAGE=true (decision 0025).
 */
export default async function FloorPage() {
  let rows: FloorRow[];
  try {
    rows = await listFloorRows();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <main id="contenuto" className="mx-auto w-full max-w-5xl px-4 py-8">
      <h1 className="mb-4 text-3xl font-bold">Pagina minima</h1>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left">Oggetti delle richieste</caption>
        <thead>
          <tr>
            <th scope="col">Gestione</th>
            <th scope="col">Codice</th>
            <th scope="col">Oggetto</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.gestione}</td>
              <td>{row.code}</td>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
