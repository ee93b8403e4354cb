import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilesField } from "@/app/_components/files-field";
import { loadFormDraft } from "@/app/_lib/form-draft";
import { formIdempotencyKey } from "@/app/_lib/idempotency-key";
import { firstValue, type SearchParams } from "@/app/_lib/search-params";
import { FILES_FIELD } from "@/server/attachments/files-field";
import {
  getNewCommunicationForm,
  POSITION_SEARCH_LIMIT,
  type NewCommunicationForm,
} from "@/server/communications/get-new-communication-form";
import { POSITION_SEARCH_MAX_LENGTH } from "@/server/communications/schemas";
import { DRAFT_FIELD } from "@/server/drafts/schemas";
import { INVALID_FIELDS_MESSAGE, NotFoundError, type FieldErrors } from "@/server/errors/domain-errors";
import { requireOperator } from "@/server/identity/session";
import { TEXT_MAX_LENGTH } from "@/server/requests/schemas";
import { Alert, Breadcrumb, Button, Card, CheckboxField, DescriptionList, PageHeading, SelectField, TextareaField, TextField } from "@/ui";
import { NEW_COMMUNICATION_PATH, newCommunicationPath, newCommunicationUploadPath, POSITION_PARAM } from "../paths";

export const metadata: Metadata = { title: "Nuova comunicazione" };

type Props = { searchParams: Promise<SearchParams> };

function PositionSearch({ form }: { form: NewCommunicationForm }) {
  return (
    <section aria-labelledby="ricerca-titolo" className="mb-8">
      <h2 id="ricerca-titolo" className="mb-3 text-2xl font-bold">
        Posizione del contribuente
      </h2>
      <form method="get" action={NEW_COMMUNICATION_PATH} role="search" className="max-w-xl">
        <TextField
          name="q"
          label="Codice fiscale, matricola o nome"
          hint="Solo le posizioni di competenza della sede."
          defaultValue={form.q ?? ""}
          maxLength={POSITION_SEARCH_MAX_LENGTH}
        />
        <Button variant="secondary">Cerca</Button>
      </form>
      {form.q !== undefined ? (
        form.matches.length === 0 ? (
          <p className="mt-4">Nessuna posizione di competenza della sede corrisponde alla ricerca.</p>
        ) : (
          <>
            <p className="mt-4">
              {form.matches.length === POSITION_SEARCH_LIMIT
                ? `Le prime ${POSITION_SEARCH_LIMIT} posizioni trovate: restringere la ricerca se quella cercata non c'è.`
                : "Posizioni trovate:"}
            </p>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              {form.matches.map((position) => (
                <li key={position.id}>
                  <a href={newCommunicationPath({ positionId: position.id })}>
                    {position.gestioneLabel}, matricola {position.matricola} – {position.denominazione}
                  </a>{" "}
                  ({position.holder.name}, {position.holder.codiceFiscale})
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}

export default async function NewCommunicationPage({ searchParams }: Props) {
  const operator = await requireOperator(NEW_COMMUNICATION_PATH);
  const query = await searchParams;
  const loaded = await loadFormDraft(operator, firstValue(query[DRAFT_FIELD]), { purpose: "NUOVA_COMUNICAZIONE" });
  const values = loaded.draft?.values ?? {};
  const errors: FieldErrors = loaded.draft?.errors ?? {};
  let form: NewCommunicationForm;
  try {
    form = await getNewCommunicationForm(operator, {
      q: firstValue(query.q),
      positionId: firstValue(query[POSITION_PARAM]) ?? values.positionId,
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const error = (name: string) => errors[name]?.join(" ");
  const { chosen } = form;

  return (
    <>
      <Breadcrumb items={[{ href: "/fascicolo", label: "Fascicolo elettronico" }, { label: "Nuova comunicazione" }]} />
      <PageHeading
        title="Nuova comunicazione"
        lead="Scrivi per primo a un contribuente: la comunicazione è protocollata in uscita e il contribuente la riceve nel Cassetto."
      />
      {loaded.gone ? (
        <Alert tone="warning">
          <p>{loaded.gone}</p>
        </Alert>
      ) : null}
      {loaded.draft ? (
        <Alert tone="danger" id="riepilogo-errori">
          <p>{errors.form?.[0] ?? INVALID_FIELDS_MESSAGE}</p>
        </Alert>
      ) : null}

      <PositionSearch form={form} />

      {chosen ? (
        <section aria-labelledby="comunicazione-titolo">
          <h2 id="comunicazione-titolo" className="mb-3 text-2xl font-bold">
            Comunicazione
          </h2>
          <Card title="Destinatario" headingLevel={3}>
            <DescriptionList
              rows={[
                ["Posizione", `${chosen.gestioneLabel}, matricola ${chosen.matricola} – ${chosen.denominazione}`],
                ["Titolare", `${chosen.holder.name} (${chosen.holder.codiceFiscale})`],
              ]}
            />
          </Card>
          <form
            method="post"
            action={newCommunicationUploadPath({ positionId: chosen.id, draftId: loaded.draft?.id })}
            encType="multipart/form-data"
            className="mt-6 max-w-3xl"
          >
            <input type="hidden" name="positionId" value={chosen.id} />
            <input type="hidden" name="idempotencyKey" value={formIdempotencyKey(values)} />
            <SelectField
              name="subjectId"
              label="Oggetto"
              placeholder="Scegli l'oggetto"
              options={chosen.subjects}
              required
              defaultValue={values.subjectId ?? ""}
              error={error("subjectId")}
            />
            <TextareaField
              name="text"
              label="Testo della comunicazione"
              required
              limit={TEXT_MAX_LENGTH}
              defaultValue={values.text ?? ""}
              error={error("text")}
            />
            <CheckboxField
              name="answerExpected"
              label="È attesa una risposta del contribuente"
              defaultChecked={values.answerExpected === "on"}
              error={error("answerExpected")}
            />
            <TextField
              name="answerBy"
              type="date"
              label="Risposta attesa entro il"
              hint="Obbligatoria se è attesa una risposta; non può essere già passata."
              defaultValue={values.answerBy ?? ""}
              error={error("answerBy")}
            />
            {/* Files last: what precedes them survives a refused upload (docs/decisions/0006). */}
            <FilesField limits={chosen.limits} kept={loaded.draft?.files ?? []} error={error(FILES_FIELD)} />
            <Button>Invia la comunicazione</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
