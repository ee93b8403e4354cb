import { randomUUID } from "node:crypto";
import type { DelegationKind, SmartTaskKind } from "@/generated/prisma/enums";
import type { ActorPosition } from "@/server/positions/list-actor-positions";
import { smartTaskKinds } from "@/server/smart-tasks/kinds";
import type { DelegationChoice } from "@/server/smart-tasks/get-smart-task-forms";
import { Alert, Button, Card, SelectField, TextareaField } from "@/ui";
import type { Flash } from "../_lib/flash";
import { fileSmartTaskAction } from "../actions";

/** One kind's structured form, built from its fields as data (kinds.ts); a refusal shows above it with what was typed. */
export function SmartTaskForm({
  kind,
  positions,
  delegations,
  flash,
}: {
  kind: SmartTaskKind;
  positions: ActorPosition[];
  delegations: Record<DelegationKind, DelegationChoice[]>;
  flash: Flash | null;
}) {
  const definition = smartTaskKinds[kind];
  const refused = flash?.form === kind && flash.tone === "danger" ? flash : null;
  const values = refused?.values ?? {};
  const error = (name: string) => refused?.errors?.[name]?.[0];
  return (
    <Card>
      <form action={fileSmartTaskAction} id={kind} className="grid gap-4">
        <h2 className="text-2xl font-bold">{definition.label}</h2>
        <p>{definition.description}</p>
        {refused && <Alert tone="danger">{refused.message}</Alert>}
        {error("kind") && <Alert tone="danger">{error("kind")}</Alert>}
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="idempotencyKey" value={randomUUID()} />
        <SelectField
          id={`${kind}-positionId`}
          name="positionId"
          label="Posizione"
          required
          placeholder="Scegli la posizione"
          options={positions.map((position) => ({
            value: position.id,
            label: `${position.gestioneLabel} – ${position.matricola} – ${position.denominazione}`,
          }))}
          defaultValue={values.positionId ?? ""}
          error={error("positionId")}
        />
        {definition.fields.map((field) => {
          const choices =
            field.type === "delegation"
              ? { placeholder: "Scegli la delega", options: delegations[field.delegationKind] }
              : field.type === "choice"
                ? { placeholder: field.placeholder, options: [...field.options] }
                : null;
          const common = {
            id: `${kind}-${field.name}`,
            name: field.name,
            label: field.label,
            hint: field.hint,
            required: field.required,
            defaultValue: values[field.name] ?? "",
            error: error(field.name),
          };
          return choices ? (
            <SelectField key={field.name} {...common} {...choices} />
          ) : (
            <TextareaField key={field.name} {...common} rows={2} limit={field.maxLength} />
          );
        })}
        <div>
          <p className="mb-2">Controlli che il portale esegue:</p>
          <ul className="list-disc pl-6">
            {definition.checks.map((check) => (
              <li key={check.code}>{check.label}</li>
            ))}
          </ul>
        </div>
        <Button>Invia la richiesta</Button>
      </form>
    </Card>
  );
}
