import type { ReactNode } from "react";
import { FilesField } from "@/app/_components/files-field";
import type { LoadedFormDraft } from "@/app/_lib/form-draft";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { INVALID_FIELDS_MESSAGE } from "@/server/errors/domain-errors";
import type { QuesitoDetail } from "@/server/quesiti/get-quesito";
import {
  BODY_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  INTEGRATION_DEFAULT_WORKING_DAYS,
  INTEGRATION_MAX_WORKING_DAYS,
} from "@/server/quesiti/schemas";
import { workingStates, type TransitionAction } from "@/server/workflow/lifecycle";
import { esitoLabels, quesitoStateLabels } from "@/server/workflow/states";
import { DRAFT_FIELD } from "@/server/drafts/schemas";
import { Alert, Button, SelectField, TextareaField, TextField, type ButtonVariant } from "@/ui";
import { formActions, type Flash, type QuesitoForm } from "../_lib/flash";
import { formSectionId, replyUploadPath } from "../_lib/paths";

type FormAction = (formData: FormData) => Promise<void>;

type QuesitoFormActions = {
  take: FormAction;
  reassignToOperator: FormAction;
  reassignToOffice: FormAction;
  changeState: FormAction;
  requestIntegration: FormAction;
  internalNote: FormAction;
  close: FormAction;
};

interface QuesitoActionsProps {
  quesito: QuesitoDetail;
  flash: Flash | null;
  /** The refused reply the address names (`bozza`), or the message saying it is gone. */
  replyDraft: LoadedFormDraft;
  actions: QuesitoFormActions;
}

/** What a control of an action form carries: its id, its name, and what a refusal gave back (typed value, error). */
type ActionField = { id: string; name: string; defaultValue: string; error: string | undefined };

interface ActionFormProps {
  form: QuesitoForm;
  /** What the quesito's state allows: the form is shown only while its action is among them. */
  allowed: TransitionAction[];
  title: string;
  description: string;
  flash: Flash | null;
  /** The quesito's version the operator sees, sent back to detect a change meanwhile. */
  version: number;
  /** A server action, or the address of the route that takes the form as a multipart upload. */
  action: FormAction | string;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The form's controls, given the attributes of each by its name. */
  children?: (field: (name: string) => ActionField) => ReactNode;
}

/** One action, if allowed: a titled section whose refusal, if any, is announced at its top, then its form. */
function ActionForm({ form, allowed, title, description, flash, version, action, submitLabel, submitVariant, children }: ActionFormProps) {
  if (!allowed.includes(formActions[form])) return null;
  const own = flash?.form === form ? flash : null;
  const field = (name: string): ActionField => ({
    id: `${form}-${name}`,
    name,
    defaultValue: own?.values?.[name] ?? "",
    error: own?.errors?.[name]?.join(" "),
  });
  const target = typeof action === "string" ? { method: "post", action, encType: "multipart/form-data" } : { action };
  const sectionId = formSectionId(form);
  return (
    <section id={sectionId} aria-labelledby={`${sectionId}-titolo`} className="rounded-sm border border-neutral-300 bg-white p-5">
      <h3 id={`${sectionId}-titolo`} className="mb-2 text-lg font-bold">
        {title}
      </h3>
      <p className="mb-4 text-neutral-700">{description}</p>
      {own?.message ? (
        <Alert tone="danger" id={`${sectionId}-errore`}>
          <p>{own.message}</p>
        </Alert>
      ) : null}
      <form {...target}>
        <input type="hidden" name="expectedVersion" value={version} />
        {children?.(field)}
        <Button variant={submitVariant}>{submitLabel}</Button>
      </form>
    </section>
  );
}

/**
 * The reply form's outcome: its draft shown as a refusal at the form (the
 * text as typed, the field messages), or the message saying it is gone, or
 * else the page's flash.
 */
function replyFlash({ draft, gone }: LoadedFormDraft, flash: Flash | null): Flash | null {
  if (draft) {
    const { form, ...errors } = draft.errors;
    return { tone: "danger", form: "risposta", message: form?.[0] ?? INVALID_FIELDS_MESSAGE, errors, values: draft.values };
  }
  return gone ? { tone: "danger", form: "risposta", message: gone } : flash;
}

function CommentField({ field, label, hint }: { field: ActionField; label: string; hint: string }) {
  return <TextareaField {...field} label={label} hint={hint} required rows={3} limit={COMMENT_MAX_LENGTH} />;
}

/** The forms of the actions the quesito's state allows (the lifecycle's table decides which). */
export function QuesitoActions({ quesito, flash, replyDraft, actions }: QuesitoActionsProps) {
  if (quesito.actions.length === 0) {
    return (
      <Alert tone="info">
        <p>Il quesito è chiuso: non sono possibili altre operazioni.</p>
      </Alert>
    );
  }
  const otherWorkingStates = workingStates
    .filter((state) => state !== quesito.state)
    .map((state) => ({ value: state, label: quesitoStateLabels[state] }));
  const common = { allowed: quesito.actions, flash, version: quesito.version };

  return (
    <div className="space-y-6">
      <ActionForm
        {...common}
        form="presa"
        title="Prendi in carico"
        description="Il quesito sarà assegnato a te e passerà in lavorazione; il contribuente lo vedrà «In carico»."
        action={actions.take}
        submitLabel="Prendi in carico"
      />

      <ActionForm
        {...common}
        flash={replyFlash(replyDraft, flash)}
        form="risposta"
        title="Rispondi al contribuente"
        description="Il contribuente riceverà la risposta e i suoi allegati."
        action={`${replyUploadPath(quesito.id)}${replyDraft.draft ? `?${DRAFT_FIELD}=${replyDraft.draft.id}` : ""}`}
        submitLabel="Invia la risposta"
      >
        {(field) => (
          <>
            <TextareaField {...field("body")} label="Testo della risposta" required limit={BODY_MAX_LENGTH} />
            <SelectField
              {...field("nextState")}
              label="Stato del quesito dopo la risposta"
              placeholder={`Lascia invariato (${quesitoStateLabels[quesito.state]})`}
              options={otherWorkingStates}
            />
            {/* Files last: what precedes them survives a refused upload (docs/decisions/0006). */}
            <FilesField
              id={field(FILES_FIELD).id}
              limits={quesito.replyLimits}
              kept={replyDraft.draft?.files ?? []}
              error={field(FILES_FIELD).error}
            />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="stato"
        title="Cambia stato"
        description="Il commento sarà visibile al contribuente."
        action={actions.changeState}
        submitLabel="Cambia stato"
      >
        {(field) => (
          <>
            <SelectField {...field("toState")} label="Nuovo stato" required options={otherWorkingStates} />
            <CommentField field={field("comment")} label="Commento" hint="Spiega al contribuente il motivo del cambio di stato." />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="integrazione"
        title="Richiedi un'integrazione"
        description="Il contribuente vedrà la richiesta e il termine, e riceverà un avviso e un promemoria tre giorni lavorativi prima del termine. Il termine di risposta della sede è sospeso finché il contribuente non risponde."
        action={actions.requestIntegration}
        submitLabel="Invia la richiesta di integrazione"
      >
        {(field) => (
          <>
            <CommentField field={field("comment")} label="Che cosa serve" hint="Il contribuente legge questo testo nel Cassetto." />
            <TextField
              {...field("workingDays")}
              defaultValue={field("workingDays").defaultValue || String(INTEGRATION_DEFAULT_WORKING_DAYS)}
              label="Termine per il contribuente (giorni lavorativi)"
              hint={`Da 1 a ${INTEGRATION_MAX_WORKING_DAYS} giorni lavorativi da oggi; sabati, domeniche e festivi non si contano.`}
              inputMode="numeric"
              width="short"
              required
            />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="chiusura"
        title="Chiudi il quesito"
        description="L'esito e il commento saranno visibili al contribuente."
        action={actions.close}
        submitLabel="Chiudi il quesito"
        submitVariant="danger"
      >
        {(field) => (
          <>
            <SelectField
              {...field("esito")}
              label="Esito"
              required
              placeholder="Scegli l'esito"
              options={Object.entries(esitoLabels).map(([value, label]) => ({ value, label }))}
            />
            <CommentField field={field("comment")} label="Commento" hint="Le motivazioni dell'esito." />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="nota"
        title="Aggiungi una nota interna"
        description="Le note interne restano nella sede: il contribuente non le vede."
        action={actions.internalNote}
        submitLabel="Aggiungi la nota"
        submitVariant="secondary"
      >
        {(field) => <TextareaField {...field("body")} label="Testo della nota" required rows={3} limit={BODY_MAX_LENGTH} />}
      </ActionForm>

      <ActionForm
        {...common}
        form="riassegna-operatore"
        title="Riassegna a un operatore della sede"
        description="Il quesito torna «Nuovo» e l'operatore scelto lo prenderà in carico."
        action={actions.reassignToOperator}
        submitLabel="Riassegna"
        submitVariant="secondary"
      >
        {(field) => (
          <>
            <SelectField
              {...field("operatorId")}
              label="Operatore"
              required
              placeholder="Scegli l'operatore"
              options={quesito.operators.map((operator) => ({
                value: operator.id,
                label: operator.id === quesito.assignee?.id ? `${operator.name} (assegnatario attuale)` : operator.name,
              }))}
            />
            <CommentField field={field("comment")} label="Motivo" hint="Resta nella sede: il contribuente non lo vede." />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="riassegna-sede"
        title="Trasferisci a un'altra sede"
        description="La sede scelta vedrà il quesito nella sua coda; questa sede non lo vedrà più."
        action={actions.reassignToOffice}
        submitLabel="Trasferisci"
        submitVariant="secondary"
      >
        {(field) => (
          <>
            <SelectField
              {...field("officeId")}
              label="Sede"
              required
              placeholder="Scegli la sede"
              options={quesito.offices.map((office) => ({ value: office.id, label: office.label }))}
            />
            <CommentField field={field("comment")} label="Motivo" hint="Resta negli uffici: il contribuente non lo vede." />
          </>
        )}
      </ActionForm>
    </div>
  );
}
