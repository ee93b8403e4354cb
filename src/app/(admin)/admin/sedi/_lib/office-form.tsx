import { Gestione } from "@/generated/prisma/enums";
import { provincesField } from "@/server/admin/office-schemas";
import type { OfficeView } from "@/server/admin/office-view";
import { Alert, Button, TextField } from "@/ui";
import { createOfficeAction, updateOfficeAction } from "../actions";
import type { Flash } from "./flash";

/**
 * An office's form: new (with its AOO code) or existing (with the version it
 * shows). The provinces of each gestione are typed as siglas; those already
 * served can only move, with «Sposta la competenza».
 */
export function OfficeForm({
  office,
  labels,
  refused,
}: {
  office: OfficeView | null;
  labels: Map<Gestione, string>;
  refused: Flash | null;
}) {
  const formId = office ? `sede-${office.id}` : "sede-nuova";
  const value = (name: string, shown: string) => refused?.values?.[name] ?? shown;
  const error = (name: string) => refused?.errors?.[name]?.join(" ");
  return (
    <form action={office ? updateOfficeAction : createOfficeAction} id={formId} className="grid max-w-2xl gap-4" noValidate>
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      {office ? (
        <>
          <input type="hidden" name="officeId" value={office.id} />
          <input type="hidden" name="expectedVersion" value={office.version} />
        </>
      ) : (
        <TextField
          name="code"
          label="Codice AOO"
          hint="Quattro cifre, ad esempio 7000: compare nei numeri di protocollo e non si cambia."
          width="short"
          required
          inputMode="numeric"
          defaultValue={value("code", "")}
          error={error("code")}
        />
      )}
      <TextField name="name" label="Nome della sede" required defaultValue={value("name", office?.name ?? "")} error={error("name")} />
      <TextField
        name="address"
        label="Indirizzo"
        required
        defaultValue={value("address", office?.address ?? "")}
        error={error("address")}
      />
      <TextField
        name="city"
        label="Comune"
        width="medium"
        required
        defaultValue={value("city", office?.city ?? "")}
        error={error("city")}
      />
      <TextField
        name="region"
        label="Regione"
        width="medium"
        required
        defaultValue={value("region", office?.region ?? "")}
        error={error("region")}
      />
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-lg font-semibold">Province servite per gestione</legend>
        <p className="text-neutral-700">
          Sigle separate da virgole. Si possono aggiungere province che nessuna sede serve ancora; una provincia già servita si sposta con
          «Sposta la competenza» nell&apos;elenco delle sedi.
        </p>
        {Object.values(Gestione).map((gestione) => (
          <TextField
            key={gestione}
            name={provincesField(gestione)}
            label={labels.get(gestione) ?? gestione}
            defaultValue={value(provincesField(gestione), office?.provinces[gestione].join(", ") ?? "")}
            error={error(provincesField(gestione))}
          />
        ))}
      </fieldset>
      <Button>{office ? "Salva la sede" : "Crea la sede"}</Button>
    </form>
  );
}
