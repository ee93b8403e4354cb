import { formatRomeDateTime } from "@/lib/rome-dates";
import type { QuesitoEvent } from "@/server/quesiti/get-quesito";
import { StatusBadge } from "@/ui";

/** Every event of the request, oldest first, with who did it and why. */
export function QuesitoHistory({ events }: { events: QuesitoEvent[] }) {
  return (
    <ol className="space-y-4 border-l-2 border-neutral-300 pl-5">
      {events.map((event) => (
        <li key={event.id}>
          <p className="flex flex-wrap items-center gap-3">
            <span className="font-semibold">{event.typeLabel}</span>
            {event.internal ? <StatusBadge tone="warning" label="Solo sede" /> : null}
          </p>
          <p className="text-neutral-700">
            <time dateTime={event.createdAt.toISOString()}>{formatRomeDateTime(event.createdAt)}</time>
            {" – "}
            {event.actorName ?? "Sistema"}
          </p>
          {event.fromStateLabel && event.toStateLabel && event.fromStateLabel !== event.toStateLabel ? (
            <p>
              Stato: {event.fromStateLabel} → {event.toStateLabel}
            </p>
          ) : null}
          {event.detail ? <p>{event.detail}</p> : null}
          {event.comment ? (
            <blockquote className="mt-1 border-l-4 border-neutral-300 pl-3 whitespace-pre-wrap">{event.comment}</blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
