import Link from "next/link";
import { totalLabel } from "@/lib/capped-total";
import { deskCounts, type DeskCount, type DeskCounts as Counts } from "@/server/quesiti/count-desk-quesiti";

const labels: Record<DeskCount, string> = {
  nuovi: "Nuovi della sede",
  miei: "Assegnati a me",
  in_attesa: "In attesa del contribuente",
  in_scadenza: "In scadenza",
  scaduti: "Scaduti",
};

/** The operator's counts on the Scrivania, each a link to the queue filtered the same way (F26, B4). */
export function DeskCounts({ counts }: { counts: Counts }) {
  return (
    <section aria-labelledby="conteggi-titolo" className="mt-8">
      <h2 id="conteggi-titolo" className="mb-4 text-2xl font-bold">
        I quesiti in breve
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {deskCounts.map((name) => (
          <li key={name}>
            <Link
              href={`/fascicolo/quesiti?${new URLSearchParams(counts[name].queueParams).toString()}`}
              className="block rounded-sm border border-neutral-300 bg-white p-4 no-underline hover:border-primary"
            >
              <span className="block text-3xl font-bold text-primary">{totalLabel(counts[name].total)}</span>{" "}
              <span className="block underline">{labels[name]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
