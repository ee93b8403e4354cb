import type { ReactNode } from "react";
import { attachmentDownloadPath, bundleDownloadPath, type DownloadSide } from "@/server/attachments/download-paths";
import { formatFileSize } from "@/server/attachments/upload-messages";

/** The messages of a request, oldest first: one `ThreadMessage` each. */
export function MessageThread({ children }: { children: ReactNode }) {
  return <ol className="space-y-6">{children}</ol>;
}

interface ThreadMessageProps {
  message: {
    id: string;
    body: string;
    attachments: { id: string; fileName: string; size: number }[];
    /** Whether the compressed archive of the message's files exists (office side only). */
    bundleAvailable?: boolean;
  };
  /** Who wrote: the content of the message's heading. */
  heading: ReactNode;
  /** A line under the heading, e.g. the date and the marks of the message. */
  meta?: ReactNode;
  /** An internal note of the office, set apart from what the contributor reads. */
  internal?: boolean;
  /** Whose session the download links open with. */
  side: DownloadSide;
}

/** One message of a thread: its heading, its text and the links to its files. */
export function ThreadMessage({ message, heading, meta, internal = false, side }: ThreadMessageProps) {
  const headingId = `messaggio-${message.id}`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className={`rounded-sm border bg-white p-5 ${internal ? "border-l-4 border-warning bg-warning-50" : "border-neutral-300"}`}
      >
        <h3 id={headingId} className="text-lg font-semibold">
          {heading}
        </h3>
        {meta}
        <p className="mt-3 whitespace-pre-wrap">{message.body}</p>
        {message.attachments.length > 0 ? (
          <div className="mt-4">
            <p className="font-semibold">Allegati</p>
            <ul className="mt-1 list-disc pl-5">
              {message.attachments.map((attachment) => (
                <li key={attachment.id}>
                  <a href={attachmentDownloadPath(attachment.id, side)}>{attachment.fileName}</a>{" "}
                  <span className="text-neutral-700">({formatFileSize(attachment.size)})</span>
                </li>
              ))}
            </ul>
            {message.bundleAvailable ? (
              <p className="mt-2">
                <a href={bundleDownloadPath(message.id)}>Scarica tutti gli allegati del messaggio (archivio ZIP)</a>
              </p>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}
