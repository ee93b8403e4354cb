import { MessageThread, ThreadMessage } from "@/app/_components/message-thread";
import { formatRomeDateTime } from "@/lib/rome-dates";
import type { QuesitoMessage } from "@/server/quesiti/get-quesito";
import { StatusBadge } from "@/ui";

function title(message: QuesitoMessage): string {
  if (message.opening) return `Richiesta di ${message.author.name}`;
  if (message.visibility === "INTERNO") return `Nota interna di ${message.author.name}`;
  return message.author.side === "sede" ? `Risposta di ${message.author.name}` : `Messaggio di ${message.author.name}`;
}

/** The whole thread as the office sees it: internal notes included, and marked. */
export function QuesitoThread({ messages }: { messages: QuesitoMessage[] }) {
  if (messages.length === 0) return <p>Nessuna comunicazione.</p>;
  return (
    <MessageThread>
      {messages.map((message) => {
        const internal = message.visibility === "INTERNO";
        return (
          <ThreadMessage
            key={message.id}
            message={message}
            side="fascicolo"
            internal={internal}
            heading={
              <>
                {title(message)}
                {message.author.detail ? <span className="font-normal"> ({message.author.detail.toLowerCase()})</span> : null}
              </>
            }
            meta={
              <p className="mt-1 flex flex-wrap items-center gap-3 text-neutral-700">
                <time dateTime={message.createdAt.toISOString()}>{formatRomeDateTime(message.createdAt)}</time>
                {internal ? <StatusBadge tone="warning" label="Non visibile al contribuente" /> : null}
              </p>
            }
          />
        );
      })}
    </MessageThread>
  );
}
