import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FILES_FIELD } from "@/server/attachments/files-field";
import type { FormDraftView } from "@/server/drafts/get-form-draft";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { getInstanceForm, type InstanceForm } from "@/server/istanze/get-instance-form";
import { findInstanceKind } from "@/server/istanze/kinds";
import { positionOptions } from "@/server/positions/position-options";
import { TEXT_MAX_LENGTH, TEXT_MIN_LENGTH } from "@/server/requests/schemas";
import { FilesField } from "@/app/_components/files-field";
import { loadFormDraft } from "@/app/_lib/form-draft";
import { formIdempotencyKey } from "@/app/_lib/idempotency-key";
import { Alert, Breadcrumb, Button, PageHeading, TextareaField } from "@/ui";
import { ChoosePosition, ChosenPosition } from "../../richieste/_components/ChoosePosition";
import { ErrorSummary } from "../../richieste/_components/ErrorSummary";
import { contactFieldLabels, RequestContactFields } from "../../richieste/_components/RequestContactFields";
import { InstanceFields, instanceFieldLabels } from "../_components/InstanceFields";

type Props = { params: Promise<{ tipo: string }>; searchParams: Promise<{ posizione?: string; bozza?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: findInstanceKind((await params).tipo)?.title ?? "Istanze online" };
}

function FilledForm({
  form,
  draft,
}: {
  form: InstanceForm & { selected: NonNullable<InstanceForm["selected"]> };
  draft: FormDraftView | null;
}) {
  const { kind } = form;
  const { position, rules, limits, settingsVersion } = form.selected;
  const errors = draft?.errors ?? {};
  const values: Record<string, string> = { ...form.contacts, ...draft?.values };
  const labels = { ...instanceFieldLabels(kind), text: kind.reason.label, ...contactFieldLabels, [FILES_FIELD]: "Allegati" };
  const action = `/api/cassetto/istanze/${kind.slug}?posizione=${position.id}&limiti=${settingsVersion}${draft ? `&bozza=${draft.id}` : ""}`;
  return (
    <>
      <ErrorSummary errors={errors} fields={labels} />
      <form method="post" encType="multipart/form-data" action={action} noValidate className="max-w-3xl">
        <input type="hidden" name="idempotencyKey" value={formIdempotencyKey(values)} />
        <fieldset className="mb-8">
          <legend className="mb-4 text-xl font-semibold">I dati dell&apos;istanza</legend>
          <InstanceFields kind={kind} values={values} errors={errors} />
          <TextareaField
            name="text"
            label={kind.reason.label}
            hint={`${kind.reason.hint} Almeno ${TEXT_MIN_LENGTH} caratteri.`}
            limit={TEXT_MAX_LENGTH}
            rows={6}
            defaultValue={values.text ?? ""}
            error={errors.text?.join(" ")}
            required
          />
        </fieldset>
        <RequestContactFields rules={rules} values={values} errors={errors} />
        <fieldset className="mb-8">
          <legend className="mb-2 text-xl font-semibold">{kind.attachments.required ? "Allegati obbligatori" : "Allegati"}</legend>
          <p className="mb-4 text-neutral-700">{kind.attachments.hint}</p>
          <FilesField limits={limits} kept={draft?.files ?? []} error={errors[FILES_FIELD]?.join(" ")} />
        </fieldset>
        <Button>Invia l&apos;istanza</Button>
      </form>
    </>
  );
}

/**
 * One kind of Istanza online: the position (when the actor acts on more than
 * one committenti position), then the kind's form, built from its
 * definition. A kind, or a position, out of reach is "page not found".
 */
export default async function InstanceFormPage({ params, searchParams }: Props) {
  const [{ tipo }, { posizione, bozza }] = await Promise.all([params, searchParams]);
  const actor = await requireContributor(`/cassetto/istanze/${encodeURIComponent(tipo)}`);
  let form: InstanceForm;
  try {
    form = await getInstanceForm(actor, { kind: tipo, ...(posizione ? { positionId: posizione } : {}) });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { draft, gone } = await loadFormDraft(actor, bozza, { purpose: "ISTANZA" });
  const { kind } = form;

  return (
    <>
      <Breadcrumb
        items={[
          { href: "/cassetto", label: "Cassetto previdenziale" },
          { href: "/cassetto/istanze", label: "Istanze online" },
          { label: kind.title },
        ]}
      />
      <PageHeading
        title={kind.title}
        lead={`${kind.description} L'istanza viene protocollata e ne segui lo stato in «Le mie richieste».`}
      />
      {gone ? <Alert tone="warning">{gone}</Alert> : null}
      {form.positions.length === 0 ? (
        <Alert tone="info">Non ci sono posizioni di committente della Gestione Separata per cui puoi operare con il profilo attuale.</Alert>
      ) : form.selected ? (
        <>
          <ChosenPosition
            position={form.selected.position}
            changeHref={form.positions.length > 1 ? `/cassetto/istanze/${kind.slug}` : undefined}
          />
          <FilledForm form={{ ...form, selected: form.selected }} draft={draft} />
        </>
      ) : (
        <ChoosePosition
          action={`/cassetto/istanze/${kind.slug}`}
          title="La posizione"
          label="Posizione di committente"
          hint="L'istanza sarà inviata alla sede competente per questa posizione."
          options={positionOptions(actor.profile, form.positions)}
        />
      )}
    </>
  );
}
