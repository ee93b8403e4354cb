import { formatRomeDateTime } from "@/lib/rome-dates";
import type { DeliveryState, NotificationDelivery } from "@/server/notifications/notification-delivery";
import { Card } from "@/ui";

const stateWords: Record<DeliveryState, string> = {
  IN_CODA: "in coda",
  INVIATA: "inviata, in attesa di conferma di consegna, il",
  CONSEGNATA: "consegnata il",
  NON_CONSEGNATA: "non consegnata il",
};

/** The notices an office's communication sent the contributor (F22): channel, address, where each stands. */
export function CommunicationNotifications({ notifications }: { notifications: NotificationDelivery[] }) {
  return (
    <Card title="Notifiche al contribuente">
      {notifications.length === 0 ? (
        <p>Nessuna notifica: il contribuente non ha recapiti in archivio per questa gestione e vede la comunicazione nel Cassetto.</p>
      ) : (
        <ul className="space-y-2">
          {notifications.map((notification) => (
            <li key={notification.id}>
              <span className="font-semibold">{notification.channelLabel}</span> a{" "}
              <span className="break-all">{notification.recipient}</span>: {stateWords[notification.state]}
              {notification.at ? (
                <>
                  {" "}
                  <time dateTime={notification.at.toISOString()}>{formatRomeDateTime(notification.at)}</time>
                </>
              ) : null}
              {notification.reason ? `. Motivo: ${notification.reason}` : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
