"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Flash, QuesitoPageForm } from "../_lib/flash";
import { BODY_MAX_LENGTH, INTEGRATION_DEFAULT_WORKING_DAYS, INTEGRATION_MAX_WORKING_DAYS } from "@/server/quesiti/limits";
import { esitoLabels } from "@/server/workflow/states";
import { Alert } from "@/ui/Alert";
import { buttonClasses } from "@/ui/Button";
import { SelectField, type SelectOption } from "@/ui/SelectField";
import { TextareaField } from "@/ui/TextareaField";
import { TextField } from "@/ui/TextField";
import { ActionForm, ActionSection, ChoiceAndCommentForm, CommentField, type FormTarget } from "./ActionForm";

/**
 * What the quesito's action forms need, and no more: a client component for
 * the page's weight (decision 0049's addendum), so that the payload carries
 * these few props instead of every form's markup a second time beside the
 * HTML. The forms post without JavaScript all the same.
 */
export type QuesitoActionsView = {
  /** The quesito, a hidden field of every form: the actions are not bound to it (decision 0053). */
  quesitoId: string;
  /** The quesito's version the operator sees, sent back to detect a change meanwhile. */
  version: number;
  /** The forms the quesito's state allows (the lifecycle's table decides which), each with where it posts. */
  forms: Partial<Record<QuesitoPageForm, FormTarget>>;
  /** The outcome shown at its form: a refusal, with what was typed. */
  flash: Flash | null;
  /** The reply's own outcome (its draft, or the message saying it is gone) when it has one. */
  replyFlash?: Flash;
  /** The state's label, and the other working states it may move to (reply, change of state). */
  stateLabel: string;
  otherStates: SelectOption[];
  /** The reassignment's own page, when the state allows it (decision 0053). */
  reassignmentPath: string | null;
  /** The reply's attachments field (its limits and the files a draft kept), rendered by the server. */
  replyFiles: ReactNode;
};

const esitoOptions = Object.entries(esitoLabels).map(([value, label]) => ({ value, label }));

/** The forms of the actions the quesito's state allows. */
export function QuesitoActions({ view }: { view: QuesitoActionsView }) {
  const { forms, flash, quesitoId, version } = view;
  if (Object.keys(forms).length === 0 && !view.reassignmentPath) {
    return (
      <Alert tone="info">
        <p>Il quesito è chiuso: non sono possibili altre operazioni.</p>
      </Alert>
    );
  }
  const common = { flash, quesitoId, version };

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

      <ChoiceAndCommentForm
        {...common}
        form="stato"
        target={forms.stato}
        title="Cambia stato"
        description="Il commento sarà visibile al contribuente."
        submitLabel="Cambia stato"
        choice={{ name: "toState", label: "Nuovo stato", options: view.otherStates }}
        comment={{ label: "Commento", hint: "Spiega al contribuente il motivo del cambio di stato." }}
      />

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

      <ChoiceAndCommentForm
        {...common}
        form="chiusura"
        target={forms.chiusura}
        title="Chiudi il quesito"
        description="L'esito e il commento saranno visibili al contribuente."
        submitLabel="Chiudi il quesito"
        submitVariant="danger"
        choice={{ name: "esito", label: "Esito", placeholder: "Scegli l'esito", options: esitoOptions }}
        comment={{ label: "Commento", hint: "Le motivazioni dell'esito." }}
      />

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

      {view.reassignmentPath ? (
        <ActionSection
          id="riassegnazione"
          title="Riassegna o trasferisci"
          description="Affida il quesito a un altro operatore della sede, o trasferiscilo a un'altra sede."
        >
          <Link href={view.reassignmentPath} className={buttonClasses("secondary")}>
            Riassegna o trasferisci
          </Link>
        </ActionSection>
      ) : null}
    </div>
  );
}
