"use client";

import type { ReactNode } from "react";
import type { Flash, QuesitoForm } from "../_lib/flash";
import { formSectionId } from "../_lib/form-sections";
import {
  BODY_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  INTEGRATION_DEFAULT_WORKING_DAYS,
  INTEGRATION_MAX_WORKING_DAYS,
} from "@/server/quesiti/limits";
import { esitoLabels } from "@/server/workflow/states";
import { Alert } from "@/ui/Alert";
import { Button, type ButtonVariant } from "@/ui/Button";
import { SelectField, type SelectOption } from "@/ui/SelectField";
import { TextareaField } from "@/ui/TextareaField";
import { TextField } from "@/ui/TextField";

/** A server action, or the address of the route that takes the form as a multipart upload (the reply). */
export type FormTarget = ((formData: FormData) => Promise<void>) | string;

/**
 * What the quesito's action forms need, and no more: a client component for
 * the page's weight (decision 0049's addendum), so that the payload carries
 * these few props instead of every form's markup a second time beside the
 * HTML. The forms post without JavaScript all the same.
 */
export type QuesitoActionsView = {
  /** The quesito's version the operator sees, sent back to detect a change meanwhile. */
  version: number;
  /** The forms the quesito's state allows (the lifecycle's table decides which), each with where it posts. */
  forms: Partial<Record<QuesitoForm, FormTarget>>;
  /** The outcome shown at its form: a refusal, with what was typed. */
  flash: Flash | null;
  /** The reply's own outcome (its draft, or the message saying it is gone) when it has one. */
  replyFlash?: Flash;
  /** The state's label, and the other working states it may move to (reply, change of state). */
  stateLabel: string;
  otherStates: SelectOption[];
  /** For reassignment: the office's active operators and the other offices. */
  operators: SelectOption[];
  offices: SelectOption[];
  /** The reply's attachments field (its limits and the files a draft kept), rendered by the server. */
  replyFiles: ReactNode;
};

/** What a control of an action form carries: its id, its name, and what a refusal gave back (typed value, error). */
type ActionField = { id: string; name: string; defaultValue: string; error: string | undefined };

interface ActionFormProps {
  form: QuesitoForm;
  target: FormTarget | undefined;
  title: string;
  description: string;
  flash: Flash | null;
  version: number;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The form's controls, given the attributes of each by its name. */
  children?: (field: (name: string) => ActionField) => ReactNode;
}

/** One action, if allowed: a titled section whose refusal, if any, is announced at its top, then its form. */
function ActionForm({ form, target, title, description, flash, version, submitLabel, submitVariant, children }: ActionFormProps) {
  if (target === undefined) return null;
  const own = flash?.form === form ? flash : null;
  const field = (name: string): ActionField => ({
    id: `${form}-${name}`,
    name,
    defaultValue: own?.values?.[name] ?? "",
    error: own?.errors?.[name]?.join(" "),
  });
  const formTarget = typeof target === "string" ? { method: "post", action: target, encType: "multipart/form-data" } : { action: target };
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
      <form {...formTarget}>
        <input type="hidden" name="expectedVersion" value={version} />
        {children?.(field)}
        <Button variant={submitVariant}>{submitLabel}</Button>
      </form>
    </section>
  );
}

function CommentField({ field, label, hint }: { field: ActionField; label: string; hint: string }) {
  return <TextareaField {...field} label={label} hint={hint} required rows={3} limit={COMMENT_MAX_LENGTH} />;
}

const esitoOptions = Object.entries(esitoLabels).map(([value, label]) => ({ value, label }));

/** The forms of the actions the quesito's state allows. */
export function QuesitoActions({ view }: { view: QuesitoActionsView }) {
  const { forms, flash, version } = view;
  if (Object.keys(forms).length === 0) {
    return (
      <Alert tone="info">
        <p>Il quesito è chiuso: non sono possibili altre operazioni.</p>
      </Alert>
    );
  }
  const common = { flash, version };

  return (
    <div className="space-y-6">
      <ActionForm
        {...common}
        form="presa"
        target={forms.presa}
        title="Prendi in carico"
        description="Il quesito sarà assegnato a te e passerà in lavorazione; il contribuente lo vedrà «In carico»."
        submitLabel="Prendi in carico"
      />

      <ActionForm
        {...common}
        flash={view.replyFlash ?? flash}
        form="risposta"
        target={forms.risposta}
        title="Rispondi al contribuente"
        description="Il contribuente riceverà la risposta e i suoi allegati."
        submitLabel="Invia la risposta"
      >
        {(field) => (
          <>
            <TextareaField {...field("body")} label="Testo della risposta" required limit={BODY_MAX_LENGTH} />
            <SelectField
              {...field("nextState")}
              label="Stato del quesito dopo la risposta"
              placeholder={`Lascia invariato (${view.stateLabel})`}
              options={view.otherStates}
            />
            {/* Files last: what precedes them survives a refused upload (docs/decisions/0006). */}
            {view.replyFiles}
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="stato"
        target={forms.stato}
        title="Cambia stato"
        description="Il commento sarà visibile al contribuente."
        submitLabel="Cambia stato"
      >
        {(field) => (
          <>
            <SelectField {...field("toState")} label="Nuovo stato" required options={view.otherStates} />
            <CommentField field={field("comment")} label="Commento" hint="Spiega al contribuente il motivo del cambio di stato." />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="integrazione"
        target={forms.integrazione}
        title="Richiedi un'integrazione"
        description="Il contribuente vedrà la richiesta e il termine, e riceverà un avviso e un promemoria tre giorni lavorativi prima del termine. Il termine di risposta della sede è sospeso finché il contribuente non risponde."
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
        target={forms.chiusura}
        title="Chiudi il quesito"
        description="L'esito e il commento saranno visibili al contribuente."
        submitLabel="Chiudi il quesito"
        submitVariant="danger"
      >
        {(field) => (
          <>
            <SelectField {...field("esito")} label="Esito" required placeholder="Scegli l'esito" options={esitoOptions} />
            <CommentField field={field("comment")} label="Commento" hint="Le motivazioni dell'esito." />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="nota"
        target={forms.nota}
        title="Aggiungi una nota interna"
        description="Le note interne restano nella sede: il contribuente non le vede."
        submitLabel="Aggiungi la nota"
        submitVariant="secondary"
      >
        {(field) => <TextareaField {...field("body")} label="Testo della nota" required rows={3} limit={BODY_MAX_LENGTH} />}
      </ActionForm>

      <ActionForm
        {...common}
        form="riassegna-operatore"
        target={forms["riassegna-operatore"]}
        title="Riassegna a un operatore della sede"
        description="Il quesito torna «Nuovo» e l'operatore scelto lo prenderà in carico."
        submitLabel="Riassegna"
        submitVariant="secondary"
      >
        {(field) => (
          <>
            <SelectField {...field("operatorId")} label="Operatore" required placeholder="Scegli l'operatore" options={view.operators} />
            <CommentField field={field("comment")} label="Motivo" hint="Resta nella sede: il contribuente non lo vede." />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        form="riassegna-sede"
        target={forms["riassegna-sede"]}
        title="Trasferisci a un'altra sede"
        description="La sede scelta vedrà il quesito nella sua coda; questa sede non lo vedrà più."
        submitLabel="Trasferisci"
        submitVariant="secondary"
      >
        {(field) => (
          <>
            <SelectField {...field("officeId")} label="Sede" required placeholder="Scegli la sede" options={view.offices} />
            <CommentField field={field("comment")} label="Motivo" hint="Resta negli uffici: il contribuente non lo vede." />
          </>
        )}
      </ActionForm>
    </div>
  );
}
