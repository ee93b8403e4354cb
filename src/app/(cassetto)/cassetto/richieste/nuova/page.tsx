import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { positionOptions } from "@/server/positions/position-options";
import { FILES_FIELD } from "@/server/attachments/files-field";
import type { FormDraftView } from "@/server/drafts/get-form-draft";
import { getNewRequestForm, type NewRequestForm } from "@/server/requests/get-new-request-form";
import { TEXT_MAX_LENGTH, TEXT_MIN_LENGTH } from "@/server/requests/schemas";
import { Alert, Breadcrumb, Button, PageHeading, SelectField, TextareaField } from "@/ui";
import { ChoosePosition, ChosenPosition } from "../_components/ChoosePosition";
import { ErrorSummary } from "../_components/ErrorSummary";
import { contactFieldLabels, RequestContactFields } from "../_components/RequestContactFields";
import { FilesField } from "@/app/_components/files-field";
import { loadFormDraft } from "@/app/_lib/form-draft";
import { formIdempotencyKey } from "@/app/_lib/idempotency-key";

export const metadata: Metadata = { title: "Nuova richiesta" };

type Props = { searchParams: Promise<{ posizione?: string; bozza?: string }> };

/** Labels of the second step's fields, in the order the form shows them (also the error summary's). */
const fieldLabels = {
  subjectId: "Oggetto",
  text: "Testo della richiesta",
  ...contactFieldLabels,
  [FILES_FIELD]: "Allegati",
} as const;

function RequestForm({
  form,
  draft,
}: {
  form: NewRequestForm & { selected: NonNullable<NewRequestForm["selected"]> };
  draft: FormDraftView | null;
}) {
  const { position, rules, limits, settingsVersion, areas, instanceArea } = form.selected;
  const errors = draft?.errors ?? {};
  // What the person typed wins over the contacts on file; a field they emptied stays empty.
  const values: Record<string, string> = { ...form.contacts, ...draft?.values };
  const error = (name: keyof typeof fieldLabels) => errors[name]?.join(" ");
  const text = (name: string) => values[name] ?? "";
  const action = `/api/cassetto/richieste?posizione=${position.id}&limiti=${settingsVersion}${draft ? `&bozza=${draft.id}` : ""}`;
  const idempotencyKey = formIdempotencyKey(values);
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
          {instanceArea ? (
            <p className="mb-6 text-neutral-700">
              Gli oggetti di «{instanceArea}» non si inviano come richiesta libera: le istanze si predispongono solo con i moduli dedicati
              di <Link href="/cassetto/istanze">Istanze online</Link>.
            </p>
          ) : null}
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

        <RequestContactFields rules={rules} values={values} errors={errors} />
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
          <ChosenPosition
            position={form.selected.position}
            changeHref={form.positions.length > 1 ? "/cassetto/richieste/nuova" : undefined}
          />
          <RequestForm form={{ ...form, selected: form.selected }} draft={draft} />
        </>
      ) : (
        <ChoosePosition
          action="/cassetto/richieste/nuova"
          title="Passo 1 di 2: la posizione"
          label="Posizione contributiva"
          hint="La richiesta sarà inviata alla sede competente per questa posizione."
          options={positionOptions(actor.profile, form.positions)}
          selectedId={posizione}
        />
      )}
    </>
  );
}
