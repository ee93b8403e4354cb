import Link from "next/link";

interface PaginationProps {
  /** Names the navigation landmark, e.g. "Pagine dei risultati". */
  label: string;
  /** Each link is shown only when given. */
  firstHref?: string;
  previousHref?: string;
  nextHref?: string;
  /** Where the reader is, between the links, e.g. "Pagina 2 di 5". */
  current?: string;
}

/** Links to the other pages of a list: first, previous and next. */
export function Pagination({ label, firstHref, previousHref, nextHref, current }: PaginationProps) {
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-4">
        {firstHref ? (
          <li>
            <Link href={firstHref}>Prima pagina</Link>
          </li>
        ) : null}
        {previousHref ? (
          <li>
            <Link href={previousHref} rel="prev">
              Pagina precedente
            </Link>
          </li>
        ) : null}
        {current ? <li>{current}</li> : null}
        {nextHref ? (
          <li>
            <Link href={nextHref} rel="next">
              Pagina successiva
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
