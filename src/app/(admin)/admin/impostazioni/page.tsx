import type { Metadata } from "next";
import { NotificationChannel } from "@/generated/prisma/enums";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { listGestioneSettings, type GestioneSettingsView } from "@/server/admin/list-gestione-settings";
import { channelField, MAX_MEGABYTES_PER_FILE, megabytesLabel } from "@/server/admin/office-schemas";
import { requireOperator } from "@/server/identity/session";
import { channelLabels } from "@/server/notifications/recipients";
import { Alert, Breadcrumb, Button, Card, CheckboxField, PageHeading, TextField } from "@/ui";
import { updateGestioneSettingsAction } from "../sedi/actions";
import { pageFlash, SETTINGS_PATH, type Flash } from "../sedi/_lib/flash";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Impostazioni per gestione" };

type Props = { searchParams: Promise<SearchParams> };

function SettingsForm({ settings, flash }: { settings: GestioneSettingsView; flash: Flash | null }) {
  const formId = `gestione-${settings.gestione}` as const;
  const refused = flash?.form === formId && flash.tone === "danger" ? flash : null;
  const value = (name: string, shown: string) => refused?.values?.[name] ?? shown;
  const checked = (name: string, shown: boolean) => (refused ? refused.values?.[name] === "on" : shown);
  const error = (name: string) => refused?.errors?.[name]?.join(" ");
  const id = (name: string) => `${settings.gestione}-${name}`;
  return (
    <form action={updateGestioneSettingsAction} id={formId} className="grid max-w-2xl gap-4" noValidate>
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <input type="hidden" name="gestione" value={settings.gestione} />
      <input type="hidden" name="expectedVersion" value={settings.version} />
      <TextField
        id={id("maxFiles")}
        name="maxFiles"
        type="number"
        label="Numero massimo di file per richiesta"
        hint="Da 1 a 20."
        width="short"
        required
        inputMode="numeric"
        defaultValue={value("maxFiles", String(settings.maxFiles))}
        error={error("maxFiles")}
      />
      <TextField
        id={id("maxMegabytesPerFile")}
        name="maxMegabytesPerFile"
        label="Dimensione massima di un file (MB)"
        hint={`Da 0,1 a ${MAX_MEGABYTES_PER_FILE} MB, ad esempio 3 o 1,5.`}
        width="short"
        required
        inputMode="decimal"
        defaultValue={value("maxMegabytesPerFile", megabytesLabel(settings.maxBytesPerFile))}
        error={error("maxMegabytesPerFile")}
      />
      <CheckboxField
        id={id("pecRequired")}
        name="pecRequired"
        label="PEC obbligatoria nelle richieste"
        defaultChecked={checked("pecRequired", settings.pecRequired)}
        error={error("pecRequired")}
      />
      <CheckboxField
        id={id("emailOrPhoneRequired")}
        name="emailOrPhoneRequired"
        label="Almeno un indirizzo e-mail o un numero di telefono obbligatorio"
        defaultChecked={checked("emailOrPhoneRequired", settings.emailOrPhoneRequired)}
        error={error("emailOrPhoneRequired")}
      />
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-semibold">Canali consentiti per gli avvisi</legend>
        {Object.values(NotificationChannel).map((channel) => (
          <CheckboxField
            key={channel}
            id={id(channelField(channel))}
            name={channelField(channel)}
            label={channelLabels[channel]}
            defaultChecked={checked(channelField(channel), settings.notificationChannels.includes(channel))}
            error={error(channelField(channel))}
          />
        ))}
      </fieldset>
      <TextField
        id={id("maxResponseWorkingDays")}
        name="maxResponseWorkingDays"
        type="number"
        label="Tempo massimo di risposta (giorni lavorativi)"
        hint="Salvo un tempo diverso indicato per l'oggetto della richiesta."
        width="short"
        required
        inputMode="numeric"
        defaultValue={value("maxResponseWorkingDays", String(settings.maxResponseWorkingDays))}
        error={error("maxResponseWorkingDays")}
      />
      <Button>Salva le impostazioni</Button>
    </form>
  );
}

/** The limits and rules of each gestione (ADMIN only); a change applies to forms opened after it. */
export default async function GestioneSettingsPage({ searchParams }: Props) {
  const actor = await requireOperator(SETTINGS_PATH);
  const all = await orNotFound(() => listGestioneSettings(actor));
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Impostazioni per gestione" }]} />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title="Impostazioni per gestione"
        lead="Allegati, contatti, canali degli avvisi e tempi di risposta. Una modifica vale per i moduli aperti dopo: chi ha già un modulo aperto lo invia con i limiti che vedeva."
      />
      <div className="space-y-8">
        {all.map((settings) => (
          <Card key={settings.gestione} title={settings.label}>
            <SettingsForm settings={settings} flash={flash} />
          </Card>
        ))}
      </div>
    </>
  );
}
