"use client";

import type { Flash } from "../_lib/flash";
import type { SelectOption } from "@/ui/SelectField";
import { ChoiceAndCommentForm } from "./ActionForm";

/** What the reassignment's two forms need (decision 0053): the quesito, its version, the choices, each form's action. */
export type ReassignmentFormsView = {
  quesitoId: string;
  version: number;
  flash: Flash | null;
  toOperator: (formData: FormData) => Promise<void>;
  toOffice: (formData: FormData) => Promise<void>;
  /** The office's active operators, the current assignee marked, and every other office. */
  operators: SelectOption[];
  offices: SelectOption[];
};

/** Reassign to a colleague of the office, or transfer to another office: each form with its refusal, if any. */
export function ReassignmentForms({ view }: { view: ReassignmentFormsView }) {
  const common = { flash: view.flash, quesitoId: view.quesitoId, version: view.version };
  return (
    <div className="space-y-6">
      <ChoiceAndCommentForm
        {...common}
        form="riassegna-operatore"
        target={view.toOperator}
        title="Riassegna a un operatore della sede"
        description="Il quesito torna «Nuovo» e l'operatore scelto lo prenderà in carico."
        submitLabel="Riassegna"
        choice={{ name: "operatorId", label: "Operatore", placeholder: "Scegli l'operatore", options: view.operators }}
        comment={{ label: "Motivo", hint: "Resta nella sede: il contribuente non lo vede." }}
      />
      <ChoiceAndCommentForm
        {...common}
        form="riassegna-sede"
        target={view.toOffice}
        title="Trasferisci a un'altra sede"
        description="La sede scelta vedrà il quesito nella sua coda; questa sede non lo vedrà più."
        submitLabel="Trasferisci"
        submitVariant="secondary"
        choice={{ name: "officeId", label: "Sede", placeholder: "Scegli la sede", options: view.offices }}
        comment={{ label: "Motivo", hint: "Resta negli uffici: il contribuente non lo vede." }}
      />
    </div>
  );
}
