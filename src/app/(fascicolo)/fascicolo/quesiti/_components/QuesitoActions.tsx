import type { ReactNode } from "react";
import { ALLOWED_DOCUMENTS_LABEL, formatFileSize } from "@/server/attachments/upload-messages";
import { DEFAULT_FILE_FIELD } from "@/server/attachments/receive-upload";
import type { QuesitoDetail } from "@/server/quesiti/get-quesito";
import { BODY_MAX_LENGTH, COMMENT_MAX_LENGTH } from "@/server/quesiti/schemas";
import { esitoLabels, quesitoStateLabels, workingStates } from "@/server/requests/lifecycle";
import { Alert, Button, FieldFrame, SelectField, TextareaField } from "@/ui";
import type { Flash, QuesitoForm } from "../_lib/flash";
import { replyUploadPath } from "../_lib/paths";

type FormAction = (formData: FormData) => Promise<void>;

export type QuesitoFormActions = {
  take: FormAction;
  reassignToOperator: FormAction;
  reassignToOffice: FormAction;
  changeState: FormAction;
  internalNote: FormAction;
  close: FormAction;
};

interface QuesitoActionsProps {
  quesito: QuesitoDetail;
  flash: Flash | null;
  actions: QuesitoFormActions;
}

/** What a refused form gets back: its message, its field errors and what was typed. */
function formState(flash: Flash | null, form: QuesitoForm) {
  const own = flash?.form === form ? flash : null;
  return {
    message: own?.message,
    error: (name: string) => own?.errors?.[name]?.[0],
    value: (name: string) => own?.values?.[name],
  };
}

interface ActionSectionProps {
  form: QuesitoForm;
  title: string;
  description?: string;
  flash: Flash | null;
  children: ReactNode;
}

/** One action: a titled section whose refusal, if any, is announced at its top. */
function ActionSection({ form, title, description, flash, children }: ActionSectionProps) {
  const { message } = formState(flash, form);
  return (
    <section id={`modulo-${form}`} aria-labelledby={`modulo-${form}-titolo`} className="rounded-sm border border-neutral-300 bg-white p-5">
      <h3 id={`modulo-${form}-titolo`} className="mb-2 text-lg font-bold">
        {title}
      </h3>
      {description ? <p className="mb-4 text-neutral-700">{description}</p> : null}
      {message ? (
        <Alert tone="danger" id={`modulo-${form}-errore`}>
          <p>{message}</p>
        </Alert>
      ) : null}
      {children}
    </section>
  );
}

function Version({ version }: { version: number }) {
  return <input type="hidden" name="expectedVersion" value={version} />;
}

function CommentField({ form, flash, label, hint }: { form: QuesitoForm; flash: Flash | null; label: string; hint: string }) {
  const state = formState(flash, form);
  return (
    <TextareaField
      id={`${form}-comment`}
      name="comment"
      label={label}
      hint={hint}
      required
      rows={3}
      maxLength={COMMENT_MAX_LENGTH}
      defaultValue={state.value("comment")}
      error={state.error("comment")}
    />
  );
}

/** The forms of the actions the quesito's state allows (the lifecycle's table decides which). */
export function QuesitoActions({ quesito, flash, actions }: QuesitoActionsProps) {
  const allowed = new Set(quesito.actions);
  if (allowed.size === 0) {
    return (
      <Alert tone="info">
        <p>Il quesito è chiuso: non sono possibili altre operazioni.</p>
      </Alert>
    );
  }
  const otherWorkingStates = workingStates.filter((state) => state !== quesito.state);
  const reply = formState(flash, "risposta");
  const { maxFiles, maxBytesPerFile } = quesito.replyLimits;
  const replyHint = `Fino a ${maxFiles} file, ciascuno di ${formatFileSize(maxBytesPerFile)} al massimo: ${ALLOWED_DOCUMENTS_LABEL}.`;
  const reassignToOperator = formState(flash, "riassegna-operatore");
  const reassignToOffice = formState(flash, "riassegna-sede");
  const stateChange = formState(flash, "stato");
  const note = formState(flash, "nota");
  const closing = formState(flash, "chiusura");

  return (
    <div className="space-y-6">
      {allowed.has("PRESA_IN_CARICO") ? (
        <ActionSection
          form="presa"
          title="Prendi in carico"
          description="Il quesito sarà assegnato a te e passerà in lavorazione; il contribuente lo vedrà «In carico»."
          flash={flash}
        >
          <form action={actions.take}>
            <Version version={quesito.version} />
            <Button>Prendi in carico</Button>
          </form>
        </ActionSection>
      ) : null}

      {allowed.has("RISPOSTA") ? (
        <ActionSection
          form="risposta"
          title="Rispondi al contribuente"
          description="Il contribuente riceverà la risposta e i suoi allegati."
          flash={flash}
        >
          <form method="post" action={replyUploadPath(quesito.id)} encType="multipart/form-data">
            <Version version={quesito.version} />
            <TextareaField
              id="risposta-body"
              name="body"
              label="Testo della risposta"
              required
              maxLength={BODY_MAX_LENGTH}
              defaultValue={reply.value("body")}
              error={reply.error("body")}
            />
            <FieldFrame
              name={DEFAULT_FILE_FIELD}
              id="risposta-allegati"
              label="Allegati"
              hint={replyHint}
              error={reply.error(DEFAULT_FILE_FIELD)}
            >
              {(control) => (
                <input
                  {...control}
                  type="file"
                  multiple
                  className="mt-2 block w-full rounded-sm border border-neutral-600 bg-white p-2 text-base"
                />
              )}
            </FieldFrame>
            <SelectField
              id="risposta-nextState"
              name="nextState"
              label="Stato del quesito dopo la risposta"
              placeholder={`Lascia invariato (${quesitoStateLabels[quesito.state]})`}
              defaultValue={reply.value("nextState") ?? ""}
              options={otherWorkingStates.map((state) => ({ value: state, label: quesitoStateLabels[state] }))}
              error={reply.error("nextState")}
            />
            <Button>Invia la risposta</Button>
          </form>
        </ActionSection>
      ) : null}

      {allowed.has("STATO_MODIFICATO") ? (
        <ActionSection form="stato" title="Cambia stato" description="Il commento sarà visibile al contribuente." flash={flash}>
          <form action={actions.changeState}>
            <Version version={quesito.version} />
            <SelectField
              id="stato-toState"
              name="toState"
              label="Nuovo stato"
              required
              defaultValue={stateChange.value("toState")}
              options={otherWorkingStates.map((state) => ({ value: state, label: quesitoStateLabels[state] }))}
              error={stateChange.error("toState")}
            />
            <CommentField form="stato" flash={flash} label="Commento" hint="Spiega al contribuente il motivo del cambio di stato." />
            <Button>Cambia stato</Button>
          </form>
        </ActionSection>
      ) : null}

      {allowed.has("CHIUSA") ? (
        <ActionSection
          form="chiusura"
          title="Chiudi il quesito"
          description="L'esito e il commento saranno visibili al contribuente."
          flash={flash}
        >
          <form action={actions.close}>
            <Version version={quesito.version} />
            <SelectField
              id="chiusura-esito"
              name="esito"
              label="Esito"
              required
              placeholder="Scegli l'esito"
              defaultValue={closing.value("esito") ?? ""}
              options={Object.entries(esitoLabels).map(([value, label]) => ({ value, label }))}
              error={closing.error("esito")}
            />
            <CommentField form="chiusura" flash={flash} label="Commento" hint="Le motivazioni dell'esito." />
            <Button variant="danger">Chiudi il quesito</Button>
          </form>
        </ActionSection>
      ) : null}

      {allowed.has("NOTA_INTERNA") ? (
        <ActionSection
          form="nota"
          title="Aggiungi una nota interna"
          description="Le note interne restano nella sede: il contribuente non le vede."
          flash={flash}
        >
          <form action={actions.internalNote}>
            <Version version={quesito.version} />
            <TextareaField
              id="nota-body"
              name="body"
              label="Testo della nota"
              required
              rows={3}
              maxLength={BODY_MAX_LENGTH}
              defaultValue={note.value("body")}
              error={note.error("body")}
            />
            <Button variant="secondary">Aggiungi la nota</Button>
          </form>
        </ActionSection>
      ) : null}

      {allowed.has("RIASSEGNATA") ? (
        <>
          <ActionSection
            form="riassegna-operatore"
            title="Riassegna a un operatore della sede"
            description="Il quesito torna «Nuovo» e l'operatore scelto lo prenderà in carico."
            flash={flash}
          >
            <form action={actions.reassignToOperator}>
              <Version version={quesito.version} />
              <SelectField
                id="riassegna-operatore-operatorId"
                name="operatorId"
                label="Operatore"
                required
                placeholder="Scegli l'operatore"
                defaultValue={reassignToOperator.value("operatorId") ?? ""}
                options={quesito.operators.map((operator) => ({
                  value: operator.id,
                  label: operator.id === quesito.assignee?.id ? `${operator.name} (assegnatario attuale)` : operator.name,
                }))}
                error={reassignToOperator.error("operatorId")}
              />
              <CommentField form="riassegna-operatore" flash={flash} label="Motivo" hint="Resta nella sede: il contribuente non lo vede." />
              <Button variant="secondary">Riassegna</Button>
            </form>
          </ActionSection>
          <ActionSection
            form="riassegna-sede"
            title="Trasferisci a un'altra sede"
            description="La sede scelta vedrà il quesito nella sua coda; questa sede non lo vedrà più."
            flash={flash}
          >
            <form action={actions.reassignToOffice}>
              <Version version={quesito.version} />
              <SelectField
                id="riassegna-sede-officeId"
                name="officeId"
                label="Sede"
                required
                placeholder="Scegli la sede"
                defaultValue={reassignToOffice.value("officeId") ?? ""}
                options={quesito.offices.map((office) => ({ value: office.id, label: office.label }))}
                error={reassignToOffice.error("officeId")}
              />
              <CommentField form="riassegna-sede" flash={flash} label="Motivo" hint="Resta negli uffici: il contribuente non lo vede." />
              <Button variant="secondary">Trasferisci</Button>
            </form>
          </ActionSection>
        </>
      ) : null}
    </div>
  );
}
