import type { FieldErrors } from "@/server/errors/domain-errors";
import { contactHints, EMAIL_MAX_LENGTH, PHONE_MAX_LENGTH } from "@/server/contacts/contact-fields";
import type { ContactRules } from "@/server/requests/schemas";
import { CheckboxField, TextField } from "@/ui";

/** Labels of the contact fields, in the order the form shows them (also the error summary's). */
export const contactFieldLabels = {
  email: "E-mail",
  pec: "PEC",
  mobile: "Cellulare",
  landline: "Telefono fisso",
  fax: "Fax",
  extraEmail: "E-mail aggiuntiva",
  consentEmail: "Avvisi per e-mail",
  consentSms: "Avvisi via SMS",
  consentPec: "Avvisi via PEC",
} as const;

interface RequestContactFieldsProps {
  rules: ContactRules;
  /** What the person typed, or their Contatti on file. */
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The contacts and notice consents of a form of the request path (Nuova richiesta, an Istanza online). */
export function RequestContactFields({ rules, values, errors }: RequestContactFieldsProps) {
  const error = (name: keyof typeof contactFieldLabels) => errors[name]?.join(" ");
  const text = (name: string) => values[name] ?? "";
  const checked = (name: string) => values[name] === "on";
  const contactRule = [
    rules.emailOrPhoneRequired ? "Indica almeno un indirizzo e-mail o un numero di telefono." : null,
    rules.pecRequired ? `Per la ${rules.label} la PEC è obbligatoria.` : null,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <>
      <fieldset className="mb-8">
        <legend className="mb-2 text-xl font-semibold">I tuoi recapiti per questa richiesta</legend>
        <p className="mb-4 text-neutral-700">
          {contactRule} Sono proposti quelli che risultano in archivio; le modifiche valgono solo per questa richiesta.
        </p>
        <TextField
          name="email"
          type="email"
          label={contactFieldLabels.email}
          hint={contactHints.email}
          autoComplete="email"
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={text("email")}
          error={error("email")}
        />
        <TextField
          name="pec"
          type="email"
          label={contactFieldLabels.pec}
          hint={contactHints.pec}
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={text("pec")}
          error={error("pec")}
          required={rules.pecRequired}
        />
        <TextField
          name="mobile"
          type="tel"
          label={contactFieldLabels.mobile}
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
          label={contactFieldLabels.landline}
          hint={contactHints.landline}
          width="medium"
          maxLength={PHONE_MAX_LENGTH}
          defaultValue={text("landline")}
          error={error("landline")}
        />
        <TextField
          name="fax"
          type="tel"
          label={contactFieldLabels.fax}
          hint={contactHints.fax}
          width="medium"
          maxLength={PHONE_MAX_LENGTH}
          defaultValue={text("fax")}
          error={error("fax")}
        />
        <TextField
          name="extraEmail"
          type="email"
          label={contactFieldLabels.extraEmail}
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
    </>
  );
}
