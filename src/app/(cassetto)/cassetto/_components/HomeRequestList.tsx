import Link from "next/link";
import { formatRomeDateTime } from "@/lib/rome-dates";
import type { HomeRequest } from "@/server/requests/list-home-requests";
import { RequestStateBadge } from "../richieste/_components/RequestStateBadge";

/** A few requests of the Cassetto home, each with its position and latest activity. */
export function HomeRequestList({ requests, label }: { requests: HomeRequest[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-neutral-200">
      {requests.map((request) => (
        <li key={request.id} className="py-3">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/cassetto/richieste/${request.id}`} className="font-semibold">
              {request.subject.label}
              <span className="sr-only">, protocollo {request.protocolNumber}</span>
            </Link>
            <RequestStateBadge
              state={request.state}
              label={request.stateLabel}
              awaiting={request.awaitingContributor}
              esito={request.esitoLabel}
            />
          </p>
          <p className="text-neutral-700">
            <span className="font-mono">{request.protocolNumber}</span> · {request.position.label}
          </p>
          <p className="text-neutral-700">
            {request.latestActivity
              ? `${request.latestActivity.label}: ${formatRomeDateTime(request.latestActivity.at)}`
              : `Ultimo aggiornamento: ${formatRomeDateTime(request.lastActivityAt)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
