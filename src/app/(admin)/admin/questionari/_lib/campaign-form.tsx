import { QuestionnaireKind } from "@/generated/prisma/enums";
import type { QuestionnaireCampaignView } from "@/server/admin/get-questionnaire-campaign";
import { kindLabels, MAX_QUESTIONS, questionFields, questionFormValues } from "@/server/admin/questionnaire-schemas";
import { SCALE_MAX, SCALE_MIN } from "@/server/questionnaires/schemas";
import { Alert, Button, SelectField, TextareaField, TextField } from "@/ui";
import { createCampaignAction, updateCampaignAction } from "../actions";
import type { Flash } from "./flash";

const kindOptions = Object.values(QuestionnaireKind).map((kind) => ({ value: kind, label: kindLabels[kind] }));
const typeOptions = [
  { value: "scala", label: `Scala da ${SCALE_MIN} a ${SCALE_MAX}` },
  { value: "testo", label: "Testo libero" },
];

/**
 * A campaign's form, new (with its code) or existing (with the version it
 * shows, while nobody has answered): texts, period and up to MAX_QUESTIONS
 * questions in order; empty slots are left out. Works without JavaScript.
 */
export function CampaignForm({ campaign, refused }: { campaign: QuestionnaireCampaignView | null; refused: Flash | null }) {
  const stored: Record<string, string> = campaign
    ? {
        kind: campaign.kind,
        title: campaign.title,
        intro: campaign.intro,
        opensOn: campaign.opensOn,
        closesOn: campaign.closesOn ?? "",
        ...questionFormValues(campaign.questions),
      }
    : {};
  const value = (name: string) => refused?.values?.[name] ?? stored[name] ?? "";
  const error = (name: string) => refused?.errors?.[name]?.join(" ");
  const formId = campaign ? `questionario-${campaign.id}` : "nuovo";
  return (
    <form
      action={campaign ? updateCampaignAction.bind(null, campaign.slug) : createCampaignAction}
      id={formId}
      className="grid max-w-2xl gap-4"
      noValidate
    >
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      {campaign ? (
        <>
          <input type="hidden" name="campaignId" value={campaign.id} />
          <input type="hidden" name="expectedVersion" value={campaign.version} />
        </>
      ) : (
        <TextField
          id="code"
          name="code"
          label="Codice"
          hint="Compare nell'indirizzo del questionario e non si cambia: minuscole, cifre e trattini, ad esempio professionisti-2027."
          required
          defaultValue={value("code")}
          error={error("code")}
        />
      )}
      <SelectField
        id={`${formId}-kind`}
        name="kind"
        label="A chi è rivolto"
        required
        options={kindOptions}
        placeholder="Scegliere"
        defaultValue={value("kind")}
        error={error("kind")}
      />
      <TextField id={`${formId}-title`} name="title" label="Titolo" required defaultValue={value("title")} error={error("title")} />
      <TextareaField
        id={`${formId}-intro`}
        name="intro"
        label="Presentazione"
        hint="Si legge prima delle domande: ricordare che il questionario è volontario e anonimo."
        rows={3}
        required
        defaultValue={value("intro")}
        error={error("intro")}
      />
      <TextField
        id={`${formId}-opensOn`}
        name="opensOn"
        type="date"
        label="Primo giorno"
        width="short"
        required
        defaultValue={value("opensOn")}
        error={error("opensOn")}
      />
      <TextField
        id={`${formId}-closesOn`}
        name="closesOn"
        type="date"
        label="Ultimo giorno"
        hint="Vuoto: resta aperto finché non lo si chiude."
        width="short"
        defaultValue={value("closesOn")}
        error={error("closesOn")}
      />
      {Array.from({ length: MAX_QUESTIONS }, (_, index) => {
        const n = index + 1;
        const fields = questionFields(n);
        return (
          <fieldset key={n} className="grid gap-3 border-t border-neutral-300 pt-4">
            <legend className="font-semibold">Domanda {n}</legend>
            <SelectField
              id={`${formId}-${fields.type}`}
              name={fields.type}
              label="Come si risponde"
              options={typeOptions}
              placeholder="Nessuna domanda"
              defaultValue={value(fields.type)}
              error={error(fields.type)}
            />
            {(
              [
                [fields.text, "Testo della domanda"],
                [fields.lowLabel, `Per la scala: che cosa significa ${SCALE_MIN}`],
                [fields.highLabel, `Per la scala: che cosa significa ${SCALE_MAX}`],
                [fields.hint, "Per il testo libero: nota facoltativa"],
              ] as const
            ).map(([name, label]) => (
              <TextField key={name} id={`${formId}-${name}`} name={name} label={label} defaultValue={value(name)} error={error(name)} />
            ))}
          </fieldset>
        );
      })}
      <Button>{campaign ? "Salva le modifiche" : "Crea il questionario"}</Button>
    </form>
  );
}
