import type { ReactNode } from "react";
import type { DelegationSummary } from "@/server/delegations/list-delegations";
import { REQUEST_MATRICOLE_MAX, DELEGATION_REASON_MAX } from "@/server/delegations/schemas";
import type { ActorPosition } from "@/server/positions/list-actor-positions";
import { Alert, Button, CheckboxField, SelectField, TextareaField, TextField } from "@/ui";
import { delegationForm, GRANT_FORM, REQUEST_FORM, type DelegationAction, type Flash } from "../_lib/flash";
import { acceptAction, confirmAction, grantAction, rejectAction, requestAction, revokeAction } from "../actions";

const kindOptions = [
  { value: "INTERMEDIARIO", label: "Intermediario (commercialista, consulente del lavoro)" },
  { value: "DIPENDENTE", label: "Dipendente dell'azienda" },
];

/** The flash of this form, if the last post was refused here. */
const refusedAt = (flash: Flash | null, form: string): Flash | null => (flash?.form === form && flash.tone === "danger" ? flash : null);

/** A form acting on one delegation: its id travels hidden, a refusal shows above it. */
function DelegationActionForm({
  action,
  delegation,
  flash,
  serverAction,
  children,
}: {
  action: DelegationAction;
  delegation: DelegationSummary;
  flash: Flash | null;
  serverAction: (formData: FormData) => Promise<void>;
  children: ReactNode;
}) {
  const form = delegationForm(action, delegation.id);
  const refused = refusedAt(flash, form);
  return (
    <form action={serverAction} id={form} className="grid gap-3">
      {refused && <Alert tone="danger">{refused.message}</Alert>}
      <input type="hidden" name="delegationId" value={delegation.id} />
      {children}
    </form>
  );
}

export function RevokeForm({ delegation, flash }: { delegation: DelegationSummary; flash: Flash | null }) {
  const refused = refusedAt(flash, delegationForm("revoca", delegation.id));
  return (
    <DelegationActionForm action="revoca" delegation={delegation} flash={flash} serverAction={revokeAction}>
      <TextareaField
        id={`motivo-${delegation.id}`}
        name="reason"
        label={`Motivo della revoca della delega a ${delegation.delegate.name}`}
        rows={2}
        required
        limit={DELEGATION_REASON_MAX}
        defaultValue={refused?.values?.reason ?? ""}
        error={refused?.errors?.reason?.[0]}
      />
      <Button variant="secondary">Revoca la delega</Button>
    </DelegationActionForm>
  );
}

/** The holder's answer to a pending request: accept (or issue a new code), or reject with a reason. */
export function AnswerForms({ delegation, flash }: { delegation: DelegationSummary; flash: Flash | null }) {
  const refused = refusedAt(flash, delegationForm("rifiuta", delegation.id));
  const name = delegation.delegate.name;
  return (
    <div className="grid gap-6">
      <DelegationActionForm action="accetta" delegation={delegation} flash={flash} serverAction={acceptAction}>
        <Button>
          {delegation.pending?.stage !== "awaiting-holder" ? `Genera un nuovo codice per ${name}` : `Accetta la richiesta di ${name}`}
        </Button>
      </DelegationActionForm>
      <DelegationActionForm action="rifiuta" delegation={delegation} flash={flash} serverAction={rejectAction}>
        <TextareaField
          id={`rifiuto-${delegation.id}`}
          name="reason"
          label={`Motivo del rifiuto (facoltativo, lo leggerà ${name})`}
          rows={2}
          limit={DELEGATION_REASON_MAX}
          defaultValue={refused?.values?.reason ?? ""}
          error={refused?.errors?.reason?.[0]}
        />
        <Button variant="secondary">Rifiuta la richiesta</Button>
      </DelegationActionForm>
    </div>
  );
}

/** The delegate enters the code the holder read out. */
export function ConfirmForm({ delegation, flash }: { delegation: DelegationSummary; flash: Flash | null }) {
  const refused = refusedAt(flash, delegationForm("conferma", delegation.id));
  return (
    <DelegationActionForm action="conferma" delegation={delegation} flash={flash} serverAction={confirmAction}>
      <TextField
        id={`codice-${delegation.id}`}
        name="code"
        label={`Codice di verifica ricevuto da ${delegation.holder.name}`}
        hint="8 caratteri, per esempio ABCD-EF23."
        width="short"
        required
        maxLength={12}
        autoComplete="off"
        spellCheck={false}
        defaultValue={refused?.values?.code ?? ""}
        error={refused?.errors?.code?.[0]}
      />
      <Button>Conferma la delega</Button>
    </DelegationActionForm>
  );
}

/** The other party's codice fiscale and the kind of delegation, as the grant and the request both ask. */
function PartyFields({
  name,
  label,
  hint,
  refused,
  defaultKind = "",
}: {
  name: string;
  label: string;
  hint?: string;
  refused: Flash | null;
  defaultKind?: string;
}) {
  const values = refused?.values ?? {};
  return (
    <>
      <TextField
        name={name}
        label={label}
        hint={hint}
        width="medium"
        required
        maxLength={16}
        autoComplete="off"
        defaultValue={values[name] ?? ""}
        error={refused?.errors?.[name]?.[0]}
      />
      <SelectField
        name="kind"
        label="Tipo di delega"
        required
        placeholder="Scegli il tipo"
        options={kindOptions}
        defaultValue={values.kind ?? defaultKind}
        error={refused?.errors?.kind?.[0]}
      />
    </>
  );
}

function ValidToField({ value, error }: { value: string; error: string | undefined }) {
  return (
    <TextField
      type="date"
      name="validTo"
      label="Valida fino al (facoltativo)"
      hint="Senza data di fine la delega resta valida fino alla revoca."
      width="short"
      defaultValue={value}
      error={error}
    />
  );
}

export function GrantForm({ positions, flash }: { positions: ActorPosition[]; flash: Flash | null }) {
  const refused = refusedAt(flash, GRANT_FORM);
  const values = refused?.values ?? {};
  const chosen = new Set((values.positionIds ?? "").split(","));
  const error = (field: string) => refused?.errors?.[field]?.[0];
  return (
    <section aria-labelledby="titolo-conferisci" className="mt-10">
      <h2 id="titolo-conferisci" className="text-xl font-semibold">
        Conferisci una delega
      </h2>
      <form action={grantAction} id={GRANT_FORM} className="mt-4 grid max-w-2xl gap-4">
        {refused && <Alert tone="danger">{refused.message}</Alert>}
        <PartyFields
          name="delegateCodiceFiscale"
          label="Codice fiscale del delegato"
          hint="La persona deve essere già registrata al servizio."
          refused={refused}
        />
        <fieldset className="grid gap-2">
          <legend className="font-semibold">Posizioni coperte dalla delega</legend>
          {error("positionIds") && <p className="text-danger-700">{error("positionIds")}</p>}
          {positions.map((position) => (
            <CheckboxField
              key={position.id}
              id={`posizione-${position.id}`}
              name="positionIds"
              value={position.id}
              defaultChecked={chosen.has(position.id)}
              label={`${position.denominazione} — ${position.gestioneLabel}, matricola ${position.matricola}`}
            />
          ))}
        </fieldset>
        <ValidToField value={values.validTo ?? ""} error={error("validTo")} />
        <Button>Conferisci la delega</Button>
      </form>
    </section>
  );
}

/** A delegate asks a holder for a delegation on positions named by matricola. */
export function RequestForm({ defaultKind, flash }: { defaultKind: string; flash: Flash | null }) {
  const refused = refusedAt(flash, REQUEST_FORM);
  const values = refused?.values ?? {};
  const error = (field: string) => refused?.errors?.[field]?.[0];
  return (
    <section aria-labelledby="titolo-richiedi" className="mt-10">
      <h2 id="titolo-richiedi" className="text-xl font-semibold">
        Chiedi una delega
      </h2>
      <p className="mt-2 max-w-2xl">
        Il titolare vedrà la richiesta nella sua pagina Deleghe. Se la accetta, riceverà un codice di verifica da comunicarti: la delega
        sarà attiva quando lo avrai inserito qui.
      </p>
      <form action={requestAction} id={REQUEST_FORM} className="mt-4 grid max-w-2xl gap-4">
        {refused && <Alert tone="danger">{refused.message}</Alert>}
        <PartyFields name="holderCodiceFiscale" label="Codice fiscale del titolare" refused={refused} defaultKind={defaultKind} />
        <TextareaField
          name="matricole"
          label="Matricole delle posizioni"
          hint={`Una o più matricole, tutte intestate al titolare, separate da spazi, virgole o a capo (al più ${REQUEST_MATRICOLE_MAX}).`}
          rows={2}
          required
          defaultValue={values.matricole ?? ""}
          error={error("matricole")}
        />
        <ValidToField value={values.validTo ?? ""} error={error("validTo")} />
        <Button>Invia la richiesta di delega</Button>
      </form>
    </section>
  );
}
