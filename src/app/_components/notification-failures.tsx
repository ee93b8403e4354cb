import { formatRomeDateTime } from "@/lib/rome-dates";
import type { NotificationFailure } from "@/server/notifications/failed-notifications";
import { Alert } from "@/ui";

/**
 * The request's notifications that could not be delivered (B6), on the
 * contributor's request page and on the office's quesito page: channel,
 * recipient (a mobile number masked), when and why. Nothing when none failed.
 */
export function NotificationFailures({ failures }: { failures: NotificationFailure[] }) {
  if (failures.length === 0) return null;
  const title = failures.length === 1 ? "Una notifica non è stata recapitata" : `${failures.length} notifiche non sono state recapitate`;
  return (
    <Alert tone="warning" title={title}>
      <p>Gli avvisi seguenti non sono arrivati a destinazione: verificare i recapiti indicati nella richiesta.</p>
      <ul className="list-disc space-y-1 pl-5">
        {failures.map((failure) => (
          <li key={failure.id}>
            <span className="font-semibold">{failure.channelLabel}</span> a <span className="break-all">{failure.recipient}</span>: notifica
            non recapitata il <time dateTime={failure.failedAt.toISOString()}>{formatRomeDateTime(failure.failedAt)}</time>. Motivo:{" "}
            {failure.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
