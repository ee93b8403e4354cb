"use client";

import Link from "next/link";
import type { SnippetPart } from "@/lib/text-snippet";
import { StatusBadge, type BadgeTone } from "@/ui/StatusBadge";
import { TextSnippet } from "@/ui/TextSnippet";

/** One row of the request list, as text ready to show: all a row sends in the page's payload (decision 0040). */
export type RequestRowView = {
  id: string;
  protocolNumber: string;
  kind: string;
  openedOn: string;
  position: string;
  /** The position's name, and the holder's when the actor acts for clients. */
  positionDetail: string;
  area: string | null;
  subject: string;
  snippet: SnippetPart[] | null;
  badges: { tone: BadgeTone; label: string }[];
  updatedAt: string;
};

function badges(row: RequestRowView) {
  return row.badges.map((badge) => <StatusBadge key={badge.label} tone={badge.tone} label={badge.label} />);
}

/**
 * The list's rows. A client component only for the page's weight: the RSC payload carries these few strings per row
 * instead of every row's markup a second time beside the HTML.
 */
export function RequestRows({ rows }: { rows: RequestRowView[] }) {
  return rows.map((row) => (
    <tr key={row.id}>
      <td className="font-mono">
        <Link href={`/cassetto/richieste/${row.id}`}>{row.protocolNumber}</Link>
      </td>
      <td data-label="Tipo">{row.kind}</td>
      <td data-label="Aperta il">{row.openedOn}</td>
      <td data-label="Posizione">
        {row.position}
        <br />
        <small>{row.positionDetail}</small>
      </td>
      <td data-label="Oggetto">
        {row.area ? <small>{`${row.area} › `}</small> : null}
        {row.subject}
        {row.snippet ? <TextSnippet parts={row.snippet} /> : null}
      </td>
      <td>{row.badges.length > 1 ? <span className="inline-flex flex-wrap gap-1">{badges(row)}</span> : badges(row)}</td>
      <td data-label="Ultimo aggiornamento">{row.updatedAt}</td>
    </tr>
  ));
}
