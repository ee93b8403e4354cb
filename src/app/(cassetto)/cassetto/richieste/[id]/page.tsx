import { InstanceSummaryCard } from "@/app/_components/instance-summary";
import { SmartTaskChecks } from "@/app/_components/smart-task-checks";
import { requestSmartTask } from "@/server/smart-tasks/request-smart-task";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageThread, ThreadMessage } from "@/app/_components/message-thread";
import { NotificationFailures } from "@/app/_components/notification-failures";
import { positionLabel } from "@/lib/position-label";
import { formatRomeDate, formatRomeDateTime, formatRomePlainDay } from "@/lib/rome-dates";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ActingProfile } from "@/generated/prisma/enums";
import { requireContributor } from "@/server/identity/session";
import { getRequest, type RequestDetail } from "@/server/requests/get-request";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { MESSAGE_MAX_LENGTH } from "@/server/requests/schemas";
import { AWAITING_CONTRIBUTOR_NOTICE } from "@/server/workflow/states";
import { Alert, Breadcrumb, Button, Card, DescriptionList, PageHeading, TextareaField, type DescriptionRow } from "@/ui";
import { ErrorSummary } from "../_components/ErrorSummary";
import { FilesField } from "@/app/_components/files-field";
import { RequestStateBadge } from "../_components/RequestStateBadge";
import { RequestAppointments } from "../../agenda/_components/RequestAppointments";
import { loadFormDraft, type LoadedFormDraft } from "@/app/_lib/form-draft";
import { SubmissionRating } from "../../questionario/_components/SubmissionRating";

export const metadata: Metadata = { title: "Dettaglio della richiesta" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ inviata?: string; messaggio?: string; bozza?: string; avviso?: string }>;
};

const messageFields = { text: "Messaggio", [FILES_FIELD]: "Allegati" };

/** "Presentata da Francesca Ricci (intermediario) per conto di Mario Rossi". */
const submitterRoles: Record<ActingProfile, string> = {
  TITOLARE: "titolare",
  INTERMEDIARIO: "intermediario",
  DIPENDENTE: "dipendente delegato",
};

function Summary({ request }: { request: RequestDetail }) {
  const rows: DescriptionRow[] = [
    ["Stato", <RequestStateBadge key="stato" state={request.state} label={request.stateLabel} awaiting={request.awaitingContributor} />],
    [
      "Numero di protocollo",
      <span key="protocollo" className="font-mono">
        {request.protocolNumber}
      </span>,
    ],
    [request.direction === "DALLA_SEDE" ? "Ricevuta il" : "Aperta il", formatRomeDateTime(request.createdAt)],
    ["Ultimo aggiornamento", formatRomeDateTime(request.lastActivityAt)],
    ["Sede competente", `${request.office.name} (${request.office.code})`],
    [
      "Posizione",
      <Link key="posizione" href={`/cassetto/posizioni/${request.position.id}`}>
        {positionLabel(request.position, { withDenominazione: true })}
      </Link>,
    ],
    ["Oggetto", request.subject.areaLabel ? `${request.subject.areaLabel} › ${request.subject.label}` : request.subject.label],
  ];
  if (request.submittedBy) {
    const by = request.submittedBy.profile
      ? `${request.submittedBy.name} (${submitterRoles[request.submittedBy.profile]})`
      : request.submittedBy.name;
    rows.push(["Presentata da", request.onBehalf ? `${by} per conto di ${request.holder.name}` : by]);
  }
  return <DescriptionList rows={rows} />;
}

function Thread({ request }: { request: RequestDetail }) {
  const opening = request.direction === "DALLA_SEDE" ? "Comunicazione" : "Richiesta";
  return (
    <MessageThread>
      {request.messages.map((message, index) => (
        <ThreadMessage
          key={message.id}
          message={message}
          side="cassetto"
          heading={
            <>
              {index === 0 ? opening : "Messaggio"} di{" "}
              {message.author.kind === "office" ? `INPS – ${message.author.officeName}` : message.author.name}
              <span className="block text-base font-normal text-neutral-700">
                <time dateTime={message.createdAt.toISOString()}>{formatRomeDateTime(message.createdAt)}</time>
              </span>
            </>
          }
        />
      ))}
    </MessageThread>
  );
}

function History({ request }: { request: RequestDetail }) {
  return (
    <ol className="space-y-3 border-l-4 border-neutral-300 pl-4">
      {request.history.map((entry) => (
        <li key={entry.id}>
          <p>
            <time dateTime={entry.createdAt.toISOString()} className="text-neutral-700">
              {formatRomeDateTime(entry.createdAt)}
            </time>{" "}
            – <span className="font-semibold">{entry.label}</span>
          </p>
          {entry.comment ? (
            <p className="mt-1 whitespace-pre-wrap">
              {entry.type.startsWith("APPUNTAMENTO_") ? entry.comment : `Commento della sede: ${entry.comment}`}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Contacts({ request }: { request: RequestDetail }) {
  const { contacts } = request;
  const consents = [contacts.consentEmail ? "e-mail" : null, contacts.consentSms ? "SMS" : null, contacts.consentPec ? "PEC" : null].filter(
    Boolean,
  );
  const rows: [string, string | null][] = [
    ["E-mail", contacts.email],
    ["PEC", contacts.pec],
    ["Cellulare", contacts.mobile],
    ["Telefono fisso", contacts.landline],
    ["Fax", contacts.fax],
    ["E-mail aggiuntiva", contacts.extraEmail],
    ["Avvisi", consents.length > 0 ? `per ${consents.join(", ")}` : "nessun avviso richiesto"],
  ];
  return <DescriptionList compact rows={rows.filter(([, value]) => value)} />;
}

function MessageForm({ request, draft, gone }: { request: RequestDetail } & LoadedFormDraft) {
  if (!request.messaging.allowed) {
    return (
      <>
        <Alert tone="info">{request.messaging.reason}</Alert>
        {draft?.values.text ? (
          <Alert tone="warning" title="Il tuo ultimo messaggio non è stato inviato.">
            <p>Ecco il testo, per non perderlo:</p>
            <p className="whitespace-pre-wrap">{draft.values.text}</p>
          </Alert>
        ) : null}
      </>
    );
  }
  const errors = draft?.errors ?? {};
  return (
    <>
      {gone ? <Alert tone="warning">{gone}</Alert> : null}
      <ErrorSummary errors={errors} fields={messageFields} />
      <form
        method="post"
        encType="multipart/form-data"
        action={`/api/cassetto/richieste/${request.id}/messaggi${draft ? `?bozza=${draft.id}` : ""}`}
        noValidate
      >
        <TextareaField
          name="text"
          label={messageFields.text}
          required
          limit={MESSAGE_MAX_LENGTH}
          defaultValue={draft?.values.text ?? ""}
          error={errors.text?.join(" ")}
        />
        <FilesField limits={request.messaging.limits} kept={draft?.files ?? []} error={errors[FILES_FIELD]?.join(" ")} />
        <Button>Invia il messaggio</Button>
      </form>
    </>
  );
}

/**
 * "Presa in carico il … · risposta prevista entro il …" (B4, Designers
 * Italia's criterion for service flows), and the integration the office
 * waits for, with its deadline.
 */
function ServiceLevel({ request }: { request: RequestDetail }) {
  const level = request.serviceLevel;
  if (!level || request.state === "CHIUSA") return null;
  const start = level.takenDay
    ? `Presa in carico il ${formatRomePlainDay(level.takenDay)}`
    : `Ricevuta il ${formatRomePlainDay(level.receivedDay)}`;
  return (
    <>
      {/* A communication of the office has no time to answer: the office is not answering anyone. */}
      {level.dueDay ? (
        <p className="mb-6 text-lg" id="tempi-di-risposta">
          {start} · risposta prevista entro il {formatRomePlainDay(level.dueDay)}
          {level.clockStopped ? " (il termine è sospeso finché la sede attende un tuo riscontro)" : ""}
        </p>
      ) : null}
      {level.integration ? (
        <Alert tone="warning" title={`La sede ti chiede un'integrazione entro il ${formatRomePlainDay(level.integration.dueDay)}.`}>
          {level.integration.request ? <p className="whitespace-pre-wrap">{level.integration.request}</p> : null}
          <p>Rispondi con un messaggio in fondo alla pagina, allegando i documenti richiesti.</p>
        </Alert>
      ) : null}
    </>
  );
}

export default async function RequestDetailPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { inviata, messaggio, bozza, avviso } = await searchParams;
  const actor = await requireContributor(`/cassetto/richieste/${id}`);
  let request: RequestDetail;
  try {
    request = await getRequest(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const loaded = await loadFormDraft(actor, bozza, { purpose: "MESSAGGIO_RICHIESTA", requestId: request.id });
  const smartTask = request.smartTask && requestSmartTask(request.smartTask);

  return (
    <>
      <Breadcrumb
        items={[
          { href: "/cassetto", label: "Cassetto previdenziale" },
          { href: "/cassetto/richieste", label: "Le mie richieste" },
          { label: `${request.directionLabel} ${request.protocolNumber}` },
        ]}
      />
      {inviata ? (
        <Alert tone="success" title="Richiesta inviata." important>
          <p>
            La richiesta è stata protocollata con il numero <strong className="font-mono">{request.protocolNumber}</strong> e assegnata a:{" "}
            {request.office.name}. Ne puoi seguire lo stato da questa pagina.
          </p>
        </Alert>
      ) : null}
      {messaggio ? <Alert tone="success" title="Messaggio inviato." important /> : null}
      <PageHeading
        title={request.subject.label}
        lead={`${request.direction === "DALLA_SEDE" ? "Comunicazione della sede ricevuta il" : "Richiesta del"} ${formatRomeDate(request.createdAt)}, protocollo ${request.protocolNumber}.`}
      />
      {inviata || avviso ? <SubmissionRating actor={actor} requestId={request.id} flashToken={avviso} /> : null}
      <NotificationFailures failures={request.failedNotifications} />
      <ServiceLevel request={request} />
      {request.awaitingContributor && !request.serviceLevel?.integration ? (
        <Alert tone="warning" title={`${AWAITING_CONTRIBUTOR_NOTICE}.`}>
          <p>Il commento della sede è nella cronologia: rispondi con un messaggio in fondo alla pagina.</p>
        </Alert>
      ) : null}

      <div className="space-y-8">
        <Card title="Riepilogo">
          <Summary request={request} />
        </Card>

        <InstanceSummaryCard istanza={request.istanza} />

        {smartTask ? (
          <Card title={`Smart-Task: ${smartTask.kindLabel}`}>
            <p className="mb-3 text-lg font-semibold">{smartTask.statusLabel}</p>
            <SmartTaskChecks checks={smartTask.checks} />
          </Card>
        ) : null}

        {request.esito ? (
          <Card title="Esito">
            <p className="text-lg font-semibold">{request.esito.label}</p>
            {request.esito.closedAt ? <p className="text-neutral-700">Chiusa il {formatRomeDateTime(request.esito.closedAt)}</p> : null}
            {request.esito.comment ? <p className="mt-2 whitespace-pre-wrap">{request.esito.comment}</p> : null}
          </Card>
        ) : null}

        <section aria-labelledby="messaggi">
          <h2 id="messaggi" className="mb-4 text-2xl font-semibold">
            Messaggi
          </h2>
          <Thread request={request} />
        </section>

        {/* A Smart-Task is handled by the portal alone: no messages to the office, no appointment about it. */}
        {smartTask ? null : (
          <>
            <div id="scrivi">
              <Card title="Scrivi alla sede">
                <MessageForm request={request} {...loaded} />
              </Card>
            </div>
            <RequestAppointments actor={actor} request={request} />
          </>
        )}

        <Card title="Cronologia">
          <History request={request} />
        </Card>

        {request.direction === "DAL_CONTRIBUENTE" ? (
          <Card title="Recapiti indicati nella richiesta">
            <Contacts request={request} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
