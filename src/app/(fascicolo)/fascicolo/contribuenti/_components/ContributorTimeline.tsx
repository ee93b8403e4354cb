import { SmartTaskChecks } from "@/app/_components/smart-task-checks";
import type { ReactNode } from "react";
import Link from "next/link";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { timelineKindLabels } from "@/server/contributors/schemas";
import type { TimelineItem } from "@/server/contributors/timeline-sources";
import type { DeliveryState } from "@/server/notifications/notification-delivery";
import { StatusBadge } from "@/ui";
import { quesitoPath } from "../../quesiti/_lib/paths";

const deliveryWords: Record<DeliveryState, string> = {
  IN_CODA: "in coda",
  INVIATA: "inviata, in attesa di conferma di consegna",
  CONSEGNATA: "consegnata",
  NON_CONSEGNATA: "non consegnata",
};

/** A message's text as the timeline shows it: the start, the rest on the quesito's page. */
const EXCERPT_LENGTH = 280;
const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text);

/** The protocol number, a link to the quesito where the office may open it. */
function Protocol({ protocolNumber, quesitoId }: { protocolNumber: string; quesitoId: string | null }) {
  return quesitoId ? (
    <Link href={quesitoPath(quesitoId)} className="font-mono">
      {protocolNumber}
    </Link>
  ) : (
    <span className="font-mono">{protocolNumber}</span>
  );
}

function heading(item: TimelineItem): ReactNode {
  switch (item.kind) {
    case "richieste":
      return (
        <>
          {item.directionLabel} <Protocol protocolNumber={item.protocolNumber} quesitoId={item.quesitoId} />
        </>
      );
    case "messaggi":
      return (
        <>
          {item.internal ? "Nota interna" : item.fromOffice ? "Messaggio della sede" : "Messaggio del contribuente"} su{" "}
          <Protocol protocolNumber={item.protocolNumber} quesitoId={item.quesitoId} />
        </>
      );
    case "appuntamenti":
      return `Appuntamento ${item.channelLabel.toLowerCase()} presso ${item.office.name}`;
    case "contatti":
      return `${item.fieldLabel} modificato (${item.gestioneLabel})`;
    case "deleghe":
      return item.eventLabel;
    case "notifiche":
      return (
        <>
          Notifica {item.delivery.channelLabel} su <Protocol protocolNumber={item.protocolNumber} quesitoId={item.quesitoId} />
        </>
      );
  }
}

function details(item: TimelineItem): ReactNode {
  switch (item.kind) {
    case "richieste":
      return (
        <>
          <p>
            {item.subject} · {item.position.gestioneLabel}, matricola <span className="font-mono">{item.position.matricola}</span>
          </p>
          <p className="flex flex-wrap items-center gap-2">
            {item.stateLabel ? <StatusBadge label={item.stateLabel} /> : null}
            {item.esitoLabel ? <span>Esito: {item.esitoLabel}</span> : null}
            {item.office ? (
              <span>
                Sede: {item.office.name} ({item.office.code})
              </span>
            ) : null}
          </p>
          {item.smartTask ? (
            <div>
              <p>Smart-Task trattata dal portale: {item.smartTask.statusLabel}. Controlli eseguiti:</p>
              <SmartTaskChecks checks={item.smartTask.checks} />
            </div>
          ) : null}
          {item.quesitoId ? null : <p className="text-sm text-neutral-700">Quesito di un&apos;altra sede: solo il riepilogo.</p>}
        </>
      );
    case "messaggi":
      return (
        <>
          <p className="text-sm text-neutral-700">
            Di {item.authorName}
            {item.attachmentCount > 0 ? ` · allegati: ${item.attachmentCount}` : ""}
          </p>
          <p className="break-words whitespace-pre-wrap">{excerpt(item.body)}</p>
        </>
      );
    case "appuntamenti":
      return (
        <p className="flex flex-wrap items-center gap-2">
          <StatusBadge label={item.statusLabel} />
          <span>
            Prenotato da {item.bookedBy} per la richiesta <Protocol protocolNumber={item.protocolNumber} quesitoId={item.quesitoId} />
          </span>
        </p>
      );
    case "contatti":
      return (
        <p>
          Da «{item.oldValue ?? "nessuno"}» a «{item.newValue ?? "nessuno"}», di {item.changedBy} · {item.statusLabel}
        </p>
      );
    case "deleghe":
      return (
        <>
          <p>
            Da {item.holder} a {item.delegate}, come {item.kindLabel}; posizioni: {item.matricole.join(", ") || "nessuna"}
          </p>
          <p className="text-sm text-neutral-700">
            {item.by ? `Da parte di ${item.by}` : "Dal portale: codice di verifica errato troppe volte"}
            {item.reason ? ` · Motivo: ${item.reason}` : ""}
          </p>
        </>
      );
    case "notifiche":
      return (
        <p>
          {item.subject ? `«${item.subject}» ` : ""}a <span className="break-all">{item.delivery.recipient}</span>:{" "}
          {deliveryWords[item.delivery.state]}
          {item.delivery.at ? ` il ${formatRomeDateTime(item.delivery.at)}` : ""}
          {item.delivery.reason ? `. Motivo: ${item.delivery.reason}` : ""}
        </p>
      );
  }
}

/** The contributor's timeline, newest first: each item with its kind, time, what happened and who did it. */
export function ContributorTimeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="space-y-4" aria-label="Cronologia del contribuente">
      {items.map((item) => (
        <li key={item.key} className="rounded-sm border border-neutral-300 bg-white p-4">
          <p className="text-sm text-neutral-700">
            <time dateTime={item.at.toISOString()}>{formatRomeDateTime(item.at)}</time> · {timelineKindLabels[item.kind]}
          </p>
          <h3 className="mt-1 text-lg font-semibold">{heading(item)}</h3>
          <div className="mt-2 space-y-1">{details(item)}</div>
        </li>
      ))}
    </ol>
  );
}
