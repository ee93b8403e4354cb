"use client";

import Link from "next/link";
import type { QuesitoState } from "@/generated/prisma/enums";
import type { SnippetPart } from "@/lib/text-snippet";
import { TextSnippet } from "@/ui/TextSnippet";
import { contributorFilePath } from "../../contribuenti/paths";
import { QuesitoStateBadge } from "./QuesitoStateBadge";

/** One row of the office queue, as text ready to show: all a row sends in the page's payload (decision 0040). */
export type QuesitoRowView = {
  id: string;
  href: string;
  protocolNumber: string;
  received: { iso: string; text: string };
  due: { day: string; text: string; overdue: boolean } | null;
  position: { name: string; detail: string; matricola: string };
  holder: { name: string; codiceFiscale: string };
  subject: { area: string | null; label: string; snippet: SnippetPart[] | null };
  state: { value: QuesitoState; label: string };
  assignee: string | null;
};

/**
 * The queue's rows. A client component only for the page's weight, as the Cassetto's list: the RSC payload carries
 * these few strings per row instead of every row's markup a second time beside the HTML.
 */
export function QuesitoRows({ rows }: { rows: QuesitoRowView[] }) {
  return rows.map((row) => (
    <tr key={row.id}>
      <th scope="row" className="font-normal">
        <Link href={row.href} className="font-mono">
          {row.protocolNumber}
        </Link>
      </th>
      <td>
        <time dateTime={row.received.iso}>{row.received.text}</time>
      </td>
      <td>
        {row.due ? (
          <>
            <time dateTime={row.due.day}>{row.due.text}</time>
            {row.due.overdue ? <strong className="block text-danger-700">Scaduto</strong> : null}
          </>
        ) : (
          <span className="text-neutral-700">Nessun termine</span>
        )}
      </td>
      <td>
        <span className="block">{row.position.name}</span>
        <span className="block text-sm text-neutral-700">
          {row.position.detail} – matricola <span className="font-mono">{row.position.matricola}</span>
        </span>
      </td>
      <td>
        <Link href={contributorFilePath(row.holder.codiceFiscale)} className="block">
          {row.holder.name}
        </Link>
        <span className="block font-mono text-sm text-neutral-700">{row.holder.codiceFiscale}</span>
      </td>
      <td>
        {row.subject.area ? <span className="block text-sm text-neutral-700">{row.subject.area}</span> : null}
        {row.subject.label}
        {row.subject.snippet ? <TextSnippet parts={row.subject.snippet} /> : null}
      </td>
      <td>
        <QuesitoStateBadge state={row.state.value} label={row.state.label} />
      </td>
      <td>{row.assignee ?? <span className="text-neutral-700">Non assegnato</span>}</td>
    </tr>
  ));
}
