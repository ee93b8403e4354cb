"use client";

import type { ReactNode } from "react";

/** A term and its value; rows are keyed by their term, so terms are unique. */
export type DescriptionRow = [term: string, value: ReactNode];

interface DescriptionListProps {
  rows: DescriptionRow[];
  /** Less space between the rows, for a long list of short values. */
  compact?: boolean;
}

/**
 * Terms and their values: side by side on wide screens, one under the other on narrow ones. A client component only
 * for the pages' weight (decisions 0048, 0049): the payload carries the rows, not their markup a second time.
 */
export function DescriptionList({ rows, compact = false }: DescriptionListProps) {
  return (
    <dl className={`grid gap-x-6 ${compact ? "gap-y-2" : "gap-y-3"} md:grid-cols-[max-content_1fr]`}>
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
