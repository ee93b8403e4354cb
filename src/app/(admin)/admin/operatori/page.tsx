import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/or-not-found";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { listOperators, type OperatorsView } from "@/server/admin/list-operators";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, OPERATORS_PAGE } from "@/server/admin/operator-schemas";
import { roleLabels } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, Card, PageHeading, SelectField, StatusBadge, TableRegion, TextField } from "@/ui";
import { createOperatorAction, deactivateOperatorAction, reactivateOperatorAction, updateOperatorAction } from "./actions";
import { operatorForm, pageFlash, statusForm, type Flash, type OperatorsForm } from "./_lib/flash";

export const metadata: Metadata = { title: "Operatori e ruoli" };

type Props = { searchParams: Promise<SearchParams> };
type Operator = OperatorsView["operators"][number];

const roleOptions = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));
const refusedAt = (flash: Flash | null, form: OperatorsForm) => (flash?.form === form && flash.tone === "danger" ? flash : null);

async function loadOperators(): Promise<OperatorsView> {
  const actor = await requireOperator(OPERATORS_PAGE);
  return orNotFound(() => listOperators(actor));
}

function NewOperatorForm({ view, flash }: { view: OperatorsView; flash: Flash | null }) {
  const refused = refusedAt(flash, "nuovo-operatore");
  const value = (name: string) => refused?.values?.[name] ?? "";
  const error = (name: string) => refused?.errors?.[name]?.[0];
  return (
    <form action={createOperatorAction} id="nuovo-operatore" className="grid max-w-2xl gap-4">
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <TextField
        name="codiceFiscale"
        label="Codice fiscale"
        hint="Quello con cui l'operatore accede con le credenziali dell'Istituto."
        width="medium"
        maxLength={16}
        autoComplete="off"
        required
        defaultValue={value("codiceFiscale")}
        error={error("codiceFiscale")}
      />
      <TextField
        name="givenName"
        label="Nome"
        maxLength={NAME_MAX_LENGTH}
        required
        defaultValue={value("givenName")}
        error={error("givenName")}
      />
      <TextField
        name="familyName"
        label="Cognome"
        maxLength={NAME_MAX_LENGTH}
        required
        defaultValue={value("familyName")}
        error={error("familyName")}
      />
      <TextField
        name="email"
        type="email"
        label="Email di lavoro"
        maxLength={EMAIL_MAX_LENGTH}
        autoComplete="off"
        required
        defaultValue={value("email")}
        error={error("email")}
      />
      <SelectField
        name="officeId"
        label="Sede"
        placeholder="Scegliere la sede"
        options={view.offices.map((office) => ({ value: office.id, label: `${office.name} (${office.code})` }))}
        required
        defaultValue={value("officeId")}
        error={error("officeId")}
      />
      <SelectField
        name="role"
        label="Ruolo"
        options={roleOptions}
        required
        defaultValue={value("role") || "OPERATORE"}
        error={error("role")}
      />
      <Button>Aggiungi l&apos;operatore</Button>
    </form>
  );
}

function OperatorForms({ operator, view, flash }: { operator: Operator; view: OperatorsView; flash: Flash | null }) {
  const name = `${operator.givenName} ${operator.familyName}`;
  const edit = refusedAt(flash, operatorForm(operator.id));
  const status = refusedAt(flash, statusForm(operator.id));
  const version = <input type="hidden" name="expectedVersion" value={operator.version} />;
  return (
    <>
      <form action={updateOperatorAction} id={operatorForm(operator.id)} className="grid gap-2">
        {edit ? <Alert tone="danger">{edit.message}</Alert> : null}
        <input type="hidden" name="operatorId" value={operator.id} />
        {version}
        <SelectField
          name="officeId"
          id={`sede-${operator.id}`}
          label={`Sede di ${name}`}
          options={view.offices.map((office) => ({ value: office.id, label: office.name }))}
          defaultValue={edit?.values?.officeId ?? operator.officeId}
          error={edit?.errors?.officeId?.[0]}
        />
        <SelectField
          name="role"
          id={`ruolo-${operator.id}`}
          label={`Ruolo di ${name}`}
          options={roleOptions}
          defaultValue={edit?.values?.role ?? operator.role}
          error={edit?.errors?.role?.[0]}
        />
        <Button variant="secondary">Salva sede e ruolo</Button>
      </form>
      <form action={operator.active ? deactivateOperatorAction : reactivateOperatorAction} id={statusForm(operator.id)} className="mt-3">
        {status ? <Alert tone="danger">{status.message}</Alert> : null}
        <input type="hidden" name="operatorId" value={operator.id} />
        {version}
        <Button variant="secondary" aria-label={`${operator.active ? "Disattiva" : "Riattiva"} ${name}`}>
          {operator.active ? "Disattiva" : "Riattiva"}
        </Button>
      </form>
    </>
  );
}

/**
 * Operators and roles (issue 16), for an ADMIN: add by codice fiscale with
 * office and role, change office and role, deactivate and reactivate; each
 * change applies at the operator's next request and is in the audit trail.
 */
export default async function OperatorsPage({ searchParams }: Props) {
  const view = await loadOperators();
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Operatori e ruoli" }]} />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title="Operatori e ruoli"
        lead="Chi lavora nel Fascicolo elettronico, in quale sede e con quale ruolo. Ogni modifica vale dalla prossima richiesta dell'operatore ed è registrata."
      />
      <div className="space-y-8">
        <TableRegion label="Operatori">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="mb-2 text-left text-neutral-700">{`Operatori: ${view.operators.length}, per cognome.`}</caption>
            <thead>
              <tr className="border-b-2 border-neutral-400">
                {["Operatore", "Stato", "Sede e ruolo"].map((heading) => (
                  <th key={heading} scope="col" className="px-3 py-2">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.operators.map((operator) => (
                <tr key={operator.id} className="border-b border-neutral-200 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <span className="block font-semibold">{`${operator.givenName} ${operator.familyName}`}</span>
                    <span className="block font-mono text-sm text-neutral-700">{operator.codiceFiscale}</span>
                    <span className="block text-sm break-all text-neutral-700">{operator.email}</span>
                  </th>
                  <td className="px-3 py-2">
                    <StatusBadge label={operator.active ? "Attivo" : "Disattivato"} tone={operator.active ? "success" : "neutral"} />
                    <span className="mt-1 block text-sm text-neutral-700">{`${roleLabels[operator.role]} – ${operator.officeName}`}</span>
                  </td>
                  <td className="px-3 py-2">
                    <OperatorForms operator={operator} view={view} flash={flash} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <Card title="Aggiungi un operatore">
          <NewOperatorForm view={view} flash={flash} />
        </Card>
      </div>
    </>
  );
}
