import type { PreferredChannel } from "@/generated/prisma/enums";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { contactFieldLabels, preferredChannelLabels } from "@/server/contacts/contact-rules";
import type { ContactsSection, PendingContactChange } from "@/server/contacts/get-contacts";
import { contactHints, EMAIL_MAX_LENGTH, PHONE_MAX_LENGTH } from "@/server/contacts/contact-fields";
import { Alert, Button, CheckboxField, SelectField, TextField } from "@/ui";
import { codeForm, contactsForm, verificationForm, type Flash } from "../_lib/flash";
import { confirmContactChangeAction, requestContactVerificationAction, updateContactsAction } from "../actions";

const channelOptions = (Object.keys(preferredChannelLabels) as PreferredChannel[]).map((value) => ({
  value,
  label: preferredChannelLabels[value],
}));

/** The flash of this form, if the last post was refused here. */
const refusedAt = (flash: Flash | null, form: string): Flash | null => (flash?.form === form && flash.tone === "danger" ? flash : null);

/** One gestione's contacts: the form a holder saves, with what was typed shown again after a refusal. */
export function ContactsForm({ section, flash }: { section: ContactsSection; flash: Flash | null }) {
  const form = contactsForm(section.gestione);
  const refused = refusedAt(flash, form);
  const value = (name: keyof ContactsSection["values"]) => refused?.values?.[name] ?? section.values[name] ?? "";
  const error = (name: string) => refused?.errors?.[name]?.[0];
  const id = (name: string) => `${name}-${section.gestione}`;
  const address = (name: "email" | "pec", label: string, hint: string) => (
    <TextField
      id={id(name)}
      name={name}
      type="email"
      label={label}
      hint={hint}
      autoComplete="off"
      maxLength={EMAIL_MAX_LENGTH}
      required={name === "pec" && section.pecRequired}
      defaultValue={value(name)}
      error={error(name)}
    />
  );
  const phone = (name: "mobile" | "landline" | "fax", label: string, hint: string) => (
    <TextField
      id={id(name)}
      name={name}
      type="tel"
      label={label}
      hint={hint}
      width="medium"
      maxLength={PHONE_MAX_LENGTH}
      defaultValue={value(name)}
      error={error(name)}
    />
  );
  return (
    <form action={updateContactsAction} id={form} className="mt-4 grid max-w-2xl gap-4">
      {refused && <Alert tone="danger">{refused.message}</Alert>}
      <input type="hidden" name="gestione" value={section.gestione} />
      {address("email", "E-mail", `${contactHints.email} Un nuovo indirizzo vale dopo la conferma con il codice che vi inviamo.`)}
      {address("pec", "PEC", `${contactHints.pec} Un nuovo indirizzo vale dopo la conferma con il codice che vi inviamo.`)}
      {phone("mobile", "Cellulare", `${contactHints.mobile} Un nuovo numero vale dopo la conferma con il codice che vi inviamo per SMS.`)}
      {phone("landline", "Telefono fisso", contactHints.landline)}
      {phone("fax", "Fax", contactHints.fax)}
      <SelectField
        id={id("preferredChannel")}
        name="preferredChannel"
        label="Canale preferito per gli avvisi"
        placeholder="Nessuna preferenza"
        options={channelOptions}
        defaultValue={refused?.values?.preferredChannel ?? section.preferredChannel ?? ""}
        error={error("preferredChannel")}
      />
      <CheckboxField
        id={id("holderNotices")}
        name="holderNotices"
        label="Avvisami quando un delegato invia una richiesta su una mia posizione e quando è chiusa"
        defaultChecked={refused ? refused.values?.holderNotices === "on" : !section.holderNoticesOff}
      />
      <Button>Salva i contatti per {section.gestioneLabel}</Button>
    </form>
  );
}

/** The code sent to a new address, to put it in force. */
export function CodeForm({ change, flash }: { change: PendingContactChange; flash: Flash | null }) {
  const form = codeForm(change.id);
  const refused = refusedAt(flash, form);
  const attempts = change.attemptsLeft === 1 ? "resta 1 tentativo" : `restano ${change.attemptsLeft} tentativi`;
  const label = contactFieldLabels[change.field];
  return (
    <form action={confirmContactChangeAction} id={form} className="grid gap-3">
      {refused && <Alert tone="danger">{refused.message}</Alert>}
      <input type="hidden" name="changeId" value={change.id} />
      <TextField
        id={`codice-verifica-${change.id}`}
        name="code"
        label={`Codice di verifica inviato a ${change.newValue} (${label.toLowerCase()})`}
        hint={`8 caratteri, per esempio ABCD-EF23. Valido fino al ${formatRomeDateTime(change.expiresAt)}; ${attempts}.`}
        width="short"
        required
        maxLength={12}
        autoComplete="one-time-code"
        spellCheck={false}
        defaultValue={refused?.values?.code ?? ""}
        error={refused?.errors?.code?.[0]}
      />
      <Button>Conferma {label.toLowerCase()}</Button>
    </form>
  );
}

const verifiedFields = [
  { name: "email", label: "Nuova e-mail", type: "email", maxLength: EMAIL_MAX_LENGTH },
  { name: "pec", label: "Nuova PEC", type: "email", maxLength: EMAIL_MAX_LENGTH },
  { name: "mobile", label: "Nuovo cellulare", type: "tel", maxLength: PHONE_MAX_LENGTH },
] as const;

/** A delegate's own new addresses, each to verify with a code before the Smart-Task that applies them. */
export function VerificationForm({ section, flash }: { section: ContactsSection; flash: Flash | null }) {
  const form = verificationForm(section.gestione);
  const refused = refusedAt(flash, form);
  return (
    <form action={requestContactVerificationAction} id={form} className="mt-6 grid max-w-2xl gap-4">
      <h3 className="text-lg font-semibold">Verifica nuovi recapiti</h3>
      {refused && <Alert tone="danger">{refused.message}</Alert>}
      <input type="hidden" name="gestione" value={section.gestione} />
      {verifiedFields.map((field) => (
        <TextField
          key={field.name}
          id={`verifica-${field.name}-${section.gestione}`}
          name={field.name}
          type={field.type}
          label={field.label}
          hint={contactHints[field.name]}
          autoComplete="off"
          maxLength={field.maxLength}
          defaultValue={refused?.values?.[field.name] ?? ""}
          error={refused?.errors?.[field.name]?.[0]}
        />
      ))}
      <Button>Invia i codici di verifica</Button>
    </form>
  );
}
