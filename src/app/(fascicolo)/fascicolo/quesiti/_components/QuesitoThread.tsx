import { formatRomeDateTime } from "@/lib/rome-dates";
import { attachmentDownloadPath, bundleDownloadPath } from "@/server/attachments/download-paths";
import { formatFileSize } from "@/server/attachments/upload-messages";
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
    <ol className="space-y-6">
      {messages.map((message) => {
        const internal = message.visibility === "INTERNO";
        return (
          <li key={message.id}>
            <article
              aria-labelledby={`messaggio-${message.id}`}
              className={`rounded-sm border bg-white p-5 ${internal ? "border-l-4 border-warning bg-warning-50" : "border-neutral-300"}`}
            >
              <h3 id={`messaggio-${message.id}`} className="text-lg font-semibold">
                {title(message)}
                {message.author.detail ? <span className="font-normal"> ({message.author.detail.toLowerCase()})</span> : null}
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-3 text-neutral-700">
                <time dateTime={message.createdAt.toISOString()}>{formatRomeDateTime(message.createdAt)}</time>
                {internal ? <StatusBadge tone="warning" label="Non visibile al contribuente" /> : null}
              </p>
              <p className="mt-3 whitespace-pre-wrap">{message.body}</p>
              {message.attachments.length > 0 ? (
                <div className="mt-4">
                  <p className="font-semibold">Allegati</p>
                  <ul className="mt-1 list-disc pl-5">
                    {message.attachments.map((attachment) => (
                      <li key={attachment.id}>
                        <a href={attachmentDownloadPath(attachment.id, "fascicolo")}>{attachment.fileName}</a>{" "}
                        <span className="text-neutral-700">({formatFileSize(attachment.size)})</span>
                      </li>
                    ))}
                  </ul>
                  {message.bundleAvailable ? (
                    <p className="mt-2">
                      <a href={bundleDownloadPath(message.id)}>
                        Scarica tutti gli allegati del messaggio (archivio ZIP)
                      </a>
                    </p>
                  ) : null}
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
