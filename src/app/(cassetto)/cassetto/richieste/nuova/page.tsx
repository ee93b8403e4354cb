import { positionLabel } from "@/lib/position-label";
import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { positionOptions } from "@/server/positions/position-options";
import { FILES_FIELD } from "@/server/attachments/files-field";
import type { ActorPosition } from "@/server/positions/list-actor-positions";
import type { FormDraftView } from "@/server/drafts/get-form-draft";
import { getNewRequestForm, type NewRequestForm } from "@/server/requests/get-new-request-form";
import { contactHints, EMAIL_MAX_LENGTH, PHONE_MAX_LENGTH } from "@/server/contacts/contact-fields";
import { TEXT_MAX_LENGTH, TEXT_MIN_LENGTH } from "@/server/requests/schemas";
import { Alert, Breadcrumb, Button, CheckboxField, PageHeading, SelectField, TextareaField, TextField } from "@/ui";
import { ErrorSummary } from "../_components/ErrorSummary";
import { FilesField } from "@/app/_components/files-field";
import { loadFormDraft } from "@/app/_lib/form-draft";
import { formIdempotencyKey } from "@/app/_lib/idempotency-key";

export const metadata: Metadata = { title: "Nuova richiesta" };

type Props = { searchParams: Promise<{ posizione?: string; bozza?: string }> };

/** Labels of the second step's fields, in the order the form shows them (also the error summary's). */
const fieldLabels = {
  subjectId: "Oggetto",
  text: "Testo della richiesta",
  email: "E-mail",
  pec: "PEC",
  mobile: "Cellulare",
  landline: "Telefono fisso",
  fax: "Fax",
  extraEmail: "E-mail aggiuntiva",
  consentEmail: "Avvisi per e-mail",
  consentSms: "Avvisi via SMS",
  consentPec: "Avvisi via PEC",
  [FILES_FIELD]: "Allegati",
} as const;

function ChoosePosition({ actor, positions, selectedId }: { actor: ContributorActor; positions: ActorPosition[]; selectedId?: string }) {
  const groups = positionOptions(actor.profile, positions);
  return (
    <form method="get" action="/cassetto/richieste/nuova" className="max-w-3xl">
      <h2 className="mb-4 text-2xl font-semibold">Passo 1 di 2: la posizione</h2>
      <SelectField
        name="posizione"
        label="Posizione contributiva"
        hint="La richiesta sarà inviata alla sede competente per questa posizione."
        placeholder="Scegli la posizione"
        options={groups}
        defaultValue={selectedId ?? ""}
        required
      />
      <Button>Continua</Button>
    </form>
  );
}

function RequestForm({
  form,
  draft,
}: {
  form: NewRequestForm & { selected: NonNullable<NewRequestForm["selected"]> };
  draft: FormDraftView | null;
}) {
  const { position, rules, limits, settingsVersion, areas } = form.selected;
  const errors = draft?.errors ?? {};
  // What the person typed wins over the contacts on file; a field they emptied stays empty.
  const values: Record<string, string> = { ...form.contacts, ...draft?.values };
  const error = (name: keyof typeof fieldLabels) => errors[name]?.join(" ");
  const text = (name: string) => values[name] ?? "";
  const checked = (name: string) => values[name] === "on";
  const action = `/api/cassetto/richieste?posizione=${position.id}&limiti=${settingsVersion}${draft ? `&bozza=${draft.id}` : ""}`;
  const idempotencyKey = formIdempotencyKey(values);
  const contactRule = [
    rules.emailOrPhoneRequired ? "Indica almeno un indirizzo e-mail o un numero di telefono." : null,
    rules.pecRequired ? `Per la ${rules.label} la PEC è obbligatoria.` : null,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <>
      <ErrorSummary errors={errors} fields={fieldLabels} />
      <form method="post" encType="multipart/form-data" action={action} noValidate className="max-w-3xl">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <h2 className="mb-4 text-2xl font-semibold">Passo 2 di 2: la richiesta</h2>

        <fieldset className="mb-8">
          <legend className="mb-4 text-xl font-semibold">Che cosa chiedi</legend>
          <SelectField
            name="subjectId"
            label={fieldLabels.subjectId}
            hint="Scegli l'argomento più vicino alla tua richiesta: la indirizza all'ufficio giusto."
            placeholder="Scegli l'oggetto"
            options={areas.map((area) => ({
              label: area.label,
              options: area.subjects.map((subject) => ({ value: subject.id, label: subject.label })),
            }))}
            defaultValue={text("subjectId")}
            error={error("subjectId")}
            required
          />
          <TextareaField
            name="text"
            label={fieldLabels.text}
            hint={`Almeno ${TEXT_MIN_LENGTH} caratteri. Indica periodi, importi e riferimenti utili.`}
            limit={TEXT_MAX_LENGTH}
            rows={8}
            defaultValue={text("text")}
            error={error("text")}
            required
          />
        </fieldset>

        <fieldset className="mb-8">
          <legend className="mb-2 text-xl font-semibold">I tuoi recapiti per questa richiesta</legend>
          <p className="mb-4 text-neutral-700">
            {contactRule} Sono proposti quelli che risultano in archivio; le modifiche valgono solo per questa richiesta.
          </p>
          <TextField
            name="email"
            type="email"
            label={fieldLabels.email}
            hint={contactHints.email}
            autoComplete="email"
            maxLength={EMAIL_MAX_LENGTH}
            defaultValue={text("email")}
            error={error("email")}
          />
          <TextField
            name="pec"
            type="email"
            label={fieldLabels.pec}
            hint={contactHints.pec}
            maxLength={EMAIL_MAX_LENGTH}
            defaultValue={text("pec")}
            error={error("pec")}
            required={rules.pecRequired}
          />
          <TextField
            name="mobile"
            type="tel"
            label={fieldLabels.mobile}
            hint={contactHints.mobile}
            autoComplete="tel"
            width="medium"
            maxLength={PHONE_MAX_LENGTH}
            defaultValue={text("mobile")}
            error={error("mobile")}
          />
          <TextField
            name="landline"
            type="tel"
            label={fieldLabels.landline}
            hint={contactHints.landline}
            width="medium"
            maxLength={PHONE_MAX_LENGTH}
            defaultValue={text("landline")}
            error={error("landline")}
          />
          <TextField
            name="fax"
            type="tel"
            label={fieldLabels.fax}
            hint={contactHints.fax}
            width="medium"
            maxLength={PHONE_MAX_LENGTH}
            defaultValue={text("fax")}
            error={error("fax")}
          />
          <TextField
            name="extraEmail"
            type="email"
            label={fieldLabels.extraEmail}
            hint={contactHints.extraEmail}
            maxLength={EMAIL_MAX_LENGTH}
            defaultValue={text("extraEmail")}
            error={error("extraEmail")}
          />
        </fieldset>

        <fieldset className="mb-8">
          <legend className="mb-2 text-xl font-semibold">Avvisi sull&apos;andamento della richiesta</legend>
          <p className="mb-4 text-neutral-700">
            Ricevi un avviso quando la richiesta è protocollata, assegnata alla sede, riceve una risposta o viene chiusa.
          </p>
          <CheckboxField
            name="consentEmail"
            label="Voglio ricevere gli avvisi per e-mail"
            defaultChecked={checked("consentEmail")}
            error={error("consentEmail")}
          />
          <CheckboxField
            name="consentSms"
            label="Voglio ricevere gli avvisi via SMS al cellulare"
            defaultChecked={checked("consentSms")}
            error={error("consentSms")}
          />
          <CheckboxField
            name="consentPec"
            label="Voglio ricevere gli avvisi via PEC"
            defaultChecked={checked("consentPec")}
            error={error("consentPec")}
          />
        </fieldset>

        <FilesField limits={limits} kept={draft?.files ?? []} error={error(FILES_FIELD)} />
        <Button>Invia la richiesta</Button>
      </form>
    </>
  );
}

export default async function NewRequestPage({ searchParams }: Props) {
  const { posizione, bozza } = await searchParams;
  const actor = await requireContributor("/cassetto/richieste/nuova");
  let form: NewRequestForm;
  let unknownPosition = false;
  try {
    form = await getNewRequestForm(actor, posizione ? { positionId: posizione } : {});
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    unknownPosition = true;
    form = await getNewRequestForm(actor, {});
  }
  const { draft, gone } = await loadFormDraft(actor, bozza, { purpose: "NUOVA_RICHIESTA" });

  return (
    <>
      <Breadcrumb
        items={[
          { href: "/cassetto", label: "Cassetto previdenziale" },
          { href: "/cassetto/richieste", label: "Le mie richieste" },
          { label: "Nuova richiesta" },
        ]}
      />
      <PageHeading
        title="Nuova richiesta"
        lead="Scrivi alla sede INPS competente per la tua posizione: la richiesta viene protocollata e ne segui lo stato in «Le mie richieste»."
      />
      {gone ? <Alert tone="warning">{gone}</Alert> : null}
      {unknownPosition ? (
        <Alert tone="danger">
          La posizione indicata non esiste o non è tra quelle per cui puoi operare: scegline una dall&apos;elenco.
        </Alert>
      ) : null}
      {form.positions.length === 0 ? (
        <Alert tone="info">Non ci sono posizioni contributive per cui puoi inviare richieste con il profilo attuale.</Alert>
      ) : form.selected ? (
        <>
          <p className="mb-6">
            Posizione: <strong>{positionLabel(form.selected.position, { withDenominazione: true })}</strong> (
            {form.selected.position.office.name}).
            {form.positions.length > 1 ? (
              <>
                {" "}
                <Link href="/cassetto/richieste/nuova">Cambia posizione</Link>
              </>
            ) : null}
          </p>
          <RequestForm form={{ ...form, selected: form.selected }} draft={draft} />
        </>
      ) : (
        <ChoosePosition actor={actor} positions={form.positions} selectedId={posizione} />
      )}
    </>
  );
}
