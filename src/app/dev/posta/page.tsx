import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { NotFoundError } from "@/server/errors/domain-errors";
import { listCapturedMail, type CapturedMailbox } from "@/server/notifications/list-captured-mail";
import { channelLabels } from "@/server/notifications/recipients";
import { Alert, Breadcrumb, PageHeading, PublicShell, StatusBadge } from "@/ui";

export const metadata: Metadata = { title: "Posta di sviluppo", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/**
 * Development only: what each recipient would have received (e-mail, PEC,
 * SMS) while no SMTP server or Twilio is configured. Not found in production.
 */
export default async function CapturedMailPage() {
  let mailboxes: CapturedMailbox[];
  try {
    mailboxes = await listCapturedMail();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <PublicShell>
      <Breadcrumb items={[{ href: "/", label: "Home" }, { label: "Posta di sviluppo" }]} />
      <PageHeading
        title="Posta di sviluppo"
        lead="Gli avvisi per e-mail, PEC e SMS che il portale ha inviato senza un server di posta o Twilio configurato: sono salvati nella cartella dei dati locali. Pagina disponibile solo fuori produzione."
      />
      {mailboxes.length === 0 ? (
        <Alert tone="info" title="Nessun messaggio">
          <p>Non è stato ancora inviato nessun avviso.</p>
        </Alert>
      ) : (
        mailboxes.map((mailbox, index) => (
          <section key={mailbox.recipient} aria-labelledby={`casella-${index}`} className="mt-10">
            <h2 id={`casella-${index}`} className="mb-4 text-2xl font-bold break-all">
              {mailbox.recipient}{" "}
              <span className="text-base font-normal text-neutral-700">
                ({mailbox.messages.length} {mailbox.messages.length === 1 ? "messaggio" : "messaggi"})
              </span>
            </h2>
            <ol className="space-y-4">
              {mailbox.messages.map((message) => (
                <li key={message.messageId}>
                  <article aria-labelledby={`messaggio-${message.messageId}`} className="rounded-sm border border-neutral-300 bg-white p-5">
                    <h3 id={`messaggio-${message.messageId}`} className="text-lg font-semibold">
                      {message.subject ?? `SMS al ${message.to}`}
                    </h3>
                    <p className="mt-1 flex flex-wrap items-center gap-3 text-neutral-700">
                      <StatusBadge label={channelLabels[message.channel]} tone="info" />
                      <span>
                        Inviato il <time dateTime={message.capturedAt}>{formatRomeDateTime(new Date(message.capturedAt))}</time> da{" "}
                        {message.from}
                      </span>
                    </p>
                    <p className="mt-3 whitespace-pre-wrap break-words">{message.text}</p>
                  </article>
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </PublicShell>
  );
}
