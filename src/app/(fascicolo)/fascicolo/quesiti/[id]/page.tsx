import { InstanceSummaryCard } from "@/app/_components/instance-summary";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRomeDateTime, formatRomePlainDay } from "@/lib/rome-dates";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireOperator } from "@/server/identity/session";
import { getQuesito, type QuesitoDetail } from "@/server/quesiti/get-quesito";
import { Alert, Breadcrumb, Card, DescriptionList, PageHeading, type DescriptionRow } from "@/ui";
import { CommunicationNotifications } from "../_components/CommunicationNotifications";
import type { FormTarget } from "../_components/ActionForm";
import { QuesitoActions, type QuesitoActionsView } from "../_components/QuesitoActions";
import { QuesitoHistory } from "../_components/QuesitoHistory";
import { QuesitoStateBadge } from "../_components/QuesitoStateBadge";
import { QuesitoThread } from "../_components/QuesitoThread";
import { NotificationFailures } from "@/app/_components/notification-failures";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import { loadFormDraft, type LoadedFormDraft } from "@/app/_lib/form-draft";
import { FilesField } from "@/app/_components/files-field";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { INVALID_FIELDS_MESSAGE } from "@/server/errors/domain-errors";
import { workingStates } from "@/server/workflow/lifecycle";
import { quesitoStateLabels } from "@/server/workflow/states";
import type { FormDraftView } from "@/server/drafts/get-form-draft";
import { DRAFT_FIELD } from "@/server/drafts/schemas";
import { firstValue, type SearchParams } from "@/app/_lib/search-params";
import {
  formActions,
  isReassignmentForm,
  pageFlash,
  quesitoPageForms,
  withDraftValues,
  type Flash,
  type QuesitoPageForm,
} from "../_lib/flash";
import { OUTCOME_NOTICE_ID, quesitoPath, reassignmentPath, replyUploadPath } from "../_lib/paths";
import { contributorFilePath } from "../../contribuenti/paths";
import { changeStateAction, closeAction, requestIntegrationAction, internalNoteAction, takeAction } from "./actions";

export const metadata: Metadata = { title: "Quesito" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
};

/** One of the page's main parts, named by its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="mb-4 text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A refused reply whose form is gone (the quesito was closed meanwhile): its
 * text is shown, with the reason, so that nothing typed is lost.
 */
function UnsentReply({ draft }: { draft: FormDraftView }) {
  return (
    <Alert tone="warning" title="La risposta non è stata inviata." id={OUTCOME_NOTICE_ID}>
      {draft.errors.form?.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {draft.values.body ? (
        <>
          <p>Ecco il testo, per non perderlo:</p>
          <p className="whitespace-pre-wrap">{draft.values.body}</p>
        </>
      ) : null}
    </Alert>
  );
}

function summaryRows(quesito: QuesitoDetail): DescriptionRow[] {
  const rows: DescriptionRow[] = [
    [
      "Stato",
      <span key="stato" className="flex flex-wrap items-center gap-3">
        <QuesitoStateBadge state={quesito.state} label={quesito.stateLabel} />
        <span className="text-neutral-700">Il contribuente vede: {quesito.contributorStateLabel}</span>
      </span>,
    ],
  ];
  if (quesito.esitoLabel) rows.push(["Esito", quesito.esitoLabel]);
  rows.push(
    ["Sede", `${quesito.office.name} (${quesito.office.code})`],
    ["Assegnato a", quesito.assignee?.name ?? "Non assegnato"],
    ["Ricevuto il", formatRomeDateTime(quesito.receivedAt)],
  );
  if (quesito.takenAt) rows.push(["Preso in carico il", formatRomeDateTime(quesito.takenAt)]);
  if (quesito.due) {
    const { day, overdue, clockStopped } = quesito.due;
    rows.push([
      "Risposta entro il",
      `${formatRomePlainDay(day)}${overdue ? " – scaduto" : ""}${clockStopped ? " (termine sospeso: si attende il contribuente)" : ""}`,
    ]);
  }
  if (quesito.integrationDueDay) rows.push(["Integrazione attesa entro il", formatRomePlainDay(quesito.integrationDueDay)]);
  if (quesito.closedAt) rows.push(["Chiuso il", formatRomeDateTime(quesito.closedAt)]);
  if (quesito.communication) {
    const { firstRead } = quesito.communication;
    rows.push([
      "Lettura",
      firstRead
        ? `Letta il ${formatRomeDateTime(firstRead.readAt)} da ${firstRead.readerName} (${firstRead.profileLabel})`
        : "Non ancora letta",
    ]);
  }
  return rows;
}

function requestRows({ request }: QuesitoDetail): DescriptionRow[] {
  const rows: DescriptionRow[] = [
    [
      "Numero di protocollo",
      <span key="protocollo" className="font-mono">
        {request.protocolNumber}
      </span>,
    ],
    [
      "Posizione",
      <span key="posizione">
        {request.position.denominazione} – {request.position.gestioneLabel}, matricola{" "}
        <span className="font-mono">{request.position.matricola}</span> ({request.position.province})
      </span>,
    ],
    [
      "Titolare",
      <span key="titolare">
        <Link href={contributorFilePath(request.holder.codiceFiscale)}>{request.holder.name}</Link>{" "}
        <span className="font-mono">{request.holder.codiceFiscale}</span>
      </span>,
    ],
  ];
  if (request.submitter) {
    rows.push([
      "Presentata da",
      <span key="presentata">
        {request.submitter.name} <span className="font-mono">{request.submitter.codiceFiscale}</span>
        {request.submitter.profileLabel ? ` (${request.submitter.profileLabel.toLowerCase()})` : ""} per conto di {request.holder.name}
      </span>,
    ]);
  }
  rows.push(["Oggetto", request.subject.areaLabel ? `${request.subject.areaLabel} › ${request.subject.label}` : request.subject.label]);
  return rows;
}

/** The server action of each form of the page but the reply, which posts its files to a route; the quesito is a hidden field. */
const serverActions = {
  presa: takeAction,
  stato: changeStateAction,
  integrazione: requestIntegrationAction,
  nota: internalNoteAction,
  chiusura: closeAction,
} satisfies Record<Exclude<QuesitoPageForm, "risposta">, (formData: FormData) => Promise<void>>;

/**
 * The reply form's own outcome: its draft shown as a refusal at the form (the
 * text as typed, the field messages), or the message saying it is gone.
 */
function replyFlash({ draft, gone }: LoadedFormDraft): Flash | undefined {
  if (draft) {
    const { form, ...errors } = draft.errors;
    return { tone: "danger", form: "risposta", message: form?.[0] ?? INVALID_FIELDS_MESSAGE, errors, values: draft.values };
  }
  return gone ? { tone: "danger", form: "risposta", message: gone } : undefined;
}

/** The action forms' props: only the forms the state allows, and only the choices those forms offer. */
function actionsView(quesito: QuesitoDetail, flash: Flash | null, replyDraft: LoadedFormDraft): QuesitoActionsView {
  const forms: Partial<Record<QuesitoPageForm, FormTarget>> = {};
  for (const form of quesitoPageForms) {
    if (!quesito.actions.includes(formActions[form])) continue;
    forms[form] =
      form === "risposta"
        ? `${replyUploadPath(quesito.id)}${replyDraft.draft ? `?${DRAFT_FIELD}=${replyDraft.draft.id}` : ""}`
        : serverActions[form];
  }
  const reply = replyFlash(replyDraft);
  const shownReplyFlash = reply ?? flash;
  const changesState = forms.risposta !== undefined || forms.stato !== undefined;
  return {
    quesitoId: quesito.id,
    version: quesito.version,
    forms,
    flash,
    ...(reply ? { replyFlash: reply } : {}),
    stateLabel: quesitoStateLabels[quesito.state],
    otherStates: changesState
      ? workingStates.filter((state) => state !== quesito.state).map((state) => ({ value: state, label: quesitoStateLabels[state] }))
      : [],
    reassignmentPath: quesito.actions.includes("RIASSEGNATA") ? reassignmentPath(quesito.id) : null,
    replyFiles: forms.risposta ? (
      <FilesField
        id={`risposta-${FILES_FIELD}`}
        limits={quesito.replyLimits}
        kept={replyDraft.draft?.files ?? []}
        error={shownReplyFlash?.form === "risposta" ? shownReplyFlash.errors?.[FILES_FIELD]?.join(" ") : undefined}
      />
    ) : null,
  };
}

function contactRows({ request }: QuesitoDetail): DescriptionRow[] {
  const { contacts, consents } = request;
  const given = (value: string | null) => value ?? <span className="text-neutral-700">Non indicato</span>;
  const channels = [consents.email && "e-mail", consents.sms && "SMS", consents.pec && "PEC"].filter(Boolean);
  return [
    ["E-mail", given(contacts.email)],
    ["PEC", given(contacts.pec)],
    ["Cellulare", given(contacts.mobile)],
    ["Telefono fisso", given(contacts.landline)],
    ["Fax", given(contacts.fax)],
    ["E-mail aggiuntiva", given(contacts.extraEmail)],
    ["Avvisi acconsentiti", channels.length > 0 ? channels.join(", ") : "Nessuno"],
  ];
}

export default async function QuesitoPage({ params, searchParams }: Props) {
  const { id } = await params;
  const operator = await requireOperator(quesitoPath(id));
  let quesito: QuesitoDetail;
  try {
    quesito = await getQuesito(operator, id, quesitoPath(id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const query = await searchParams;
  const flash = await withDraftValues(operator, quesito.id, await pageFlash(query[FLASH_PARAM]));
  const replyDraft = await loadFormDraft(operator, firstValue(query[DRAFT_FIELD]), { purpose: "RISPOSTA_QUESITO", quesitoId: quesito.id });
  // A refusal is shown at its form, unless the form is gone (the quesito moved on meanwhile) or on another page.
  const shownAtForm = flash?.form !== undefined && !isReassignmentForm(flash.form) && quesito.actions.includes(formActions[flash.form]);

  return (
    <>
      <Breadcrumb
        items={[
          { href: "/fascicolo", label: "Fascicolo elettronico" },
          { href: "/fascicolo/quesiti", label: "Quesiti" },
          { label: quesito.request.protocolNumber },
        ]}
      />
      <PageHeading title={`Quesito ${quesito.request.protocolNumber}`} lead={quesito.request.subject.label} />
      <NotificationFailures failures={quesito.failedNotifications} />
      {replyDraft.draft && !quesito.actions.includes(formActions.risposta) ? <UnsentReply draft={replyDraft.draft} /> : null}
      {flash && !shownAtForm ? (
        <Alert tone={flash.tone} id={OUTCOME_NOTICE_ID}>
          <p>{flash.message}</p>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Riepilogo">
          <DescriptionList rows={summaryRows(quesito)} />
        </Card>
        <Card title="Richiesta">
          <DescriptionList rows={requestRows(quesito)} />
        </Card>
      </div>
      {quesito.request.istanza ? (
        <div className="mt-6">
          <InstanceSummaryCard istanza={quesito.request.istanza} />
        </div>
      ) : null}
      {quesito.communication ? (
        <div className="mt-6">
          <CommunicationNotifications notifications={quesito.communication.notifications} />
        </div>
      ) : null}
      <div className="mt-6">
        <Card title="Recapiti indicati nella richiesta">
          <p className="mb-3 text-neutral-700">Come erano al momento dell&apos;invio.</p>
          <DescriptionList rows={contactRows(quesito)} />
        </Card>
      </div>

      <Section id="comunicazioni" title="Comunicazioni">
        <QuesitoThread messages={quesito.messages} />
      </Section>

      <Section id="azioni" title="Azioni">
        <QuesitoActions view={actionsView(quesito, shownAtForm ? flash : null, replyDraft)} />
      </Section>

      <Section id="cronologia" title="Cronologia">
        <QuesitoHistory events={quesito.history} />
      </Section>
    </>
  );
}
