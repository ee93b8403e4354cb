import type { SubjectTree } from "@/server/admin/get-subject-tree";
import { MAX_RESPONSE_DAYS, SUBJECT_LABEL_MAX, subjectFieldLabels } from "@/server/admin/subject-schemas";
import { SelectField, TextField } from "@/ui";
import type { Flash } from "../_lib/flash";

export type SubjectFieldValues = {
  label: string;
  parentId: string;
  sortOrder: string;
  routeToOfficeId: string;
  maxResponseWorkingDays: string;
};

/**
 * The fields a subject's add and edit forms share: what was typed comes
 * back with a refusal (`refused`), else the subject's values.
 */
export function SubjectFields({
  tree,
  values,
  refused,
  excludeAreaId,
}: {
  tree: SubjectTree;
  values: SubjectFieldValues;
  refused: Flash | null;
  excludeAreaId?: string;
}) {
  // Name, label, what was typed (or the subject's value) and the field's refusal.
  const field = (name: keyof SubjectFieldValues) => ({
    name,
    label: subjectFieldLabels[name],
    defaultValue: refused?.values?.[name] ?? values[name],
    error: refused?.errors?.[name]?.[0],
  });
  return (
    <>
      <TextField {...field("label")} required maxLength={SUBJECT_LABEL_MAX} />
      <SelectField
        {...field("parentId")}
        hint="Senza area, l'oggetto è a sua volta un'area del primo livello."
        placeholder="Nessuna: è un'area"
        options={tree.areas
          .filter((area) => area.id !== excludeAreaId)
          .map((area) => ({ value: area.id, label: `${area.code} – ${area.label}${area.active ? "" : " (disattivata)"}` }))}
      />
      <TextField
        {...field("sortOrder")}
        hint="Posizione nell'elenco dei moduli: i numeri più bassi vengono prima."
        inputMode="numeric"
        width="short"
        required
      />
      <SelectField
        {...field("routeToOfficeId")}
        hint="Lasciare vuoto perché risponda la sede competente per la posizione del contribuente."
        placeholder="La sede competente per la posizione"
        options={tree.offices.map((office) => ({ value: office.id, label: `${office.code} – ${office.name}` }))}
      />
      <TextField
        {...field("maxResponseWorkingDays")}
        hint={`Da 1 a ${MAX_RESPONSE_DAYS}. Lasciare vuoto per il tempo della gestione.`}
        inputMode="numeric"
        width="short"
      />
    </>
  );
}
