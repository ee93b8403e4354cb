import type { FieldErrors } from "@/server/errors/domain-errors";
import { controlNames, type InstanceField, type InstanceKind } from "@/server/istanze/kinds";
import { FieldHint, SelectField, TextField } from "@/ui";

/** Labels of a kind's controls, in the order the form shows them (the error summary's too). */
export function instanceFieldLabels(kind: InstanceKind): Record<string, string> {
  return Object.fromEntries(
    kind.fields.flatMap((field) => {
      const [first = "", second = ""] = controlNames(field);
      return field.type === "period"
        ? [
            [first, `${field.label} (dal mese)`],
            [second, `${field.label} (al mese)`],
          ]
        : [[first, field.label]];
    }),
  );
}

interface FieldProps {
  field: InstanceField;
  values: Record<string, string>;
  errors: FieldErrors;
}

function InstanceFieldControl({ field, values, errors }: FieldProps) {
  const error = (name: string) => errors[name]?.join(" ");
  const value = (name: string) => values[name] ?? "";
  const common = { name: field.name, label: field.label, hint: field.hint, error: error(field.name), required: true };
  switch (field.type) {
    case "period": {
      const [from = "", to = ""] = controlNames(field);
      return (
        <fieldset className="mb-6" aria-describedby={field.hint ? `${field.name}-hint` : undefined}>
          <legend className="mb-1 font-semibold">{field.label}</legend>
          {field.hint ? <FieldHint id={`${field.name}-hint`}>{field.hint}</FieldHint> : null}
          <div className="flex flex-wrap gap-x-6">
            {[
              [from, "Dal mese"],
              [to, "Al mese"],
            ].map(([name = "", label = ""]) => (
              <TextField
                key={name}
                name={name}
                label={label}
                width="short"
                inputMode="numeric"
                placeholder="MM/AAAA"
                maxLength={7}
                defaultValue={value(name)}
                error={error(name)}
                required
              />
            ))}
          </div>
        </fieldset>
      );
    }
    case "choice":
      return (
        <SelectField
          {...common}
          placeholder="Scegli"
          options={field.options.map((option) => ({ ...option }))}
          defaultValue={value(field.name)}
        />
      );
    case "euro":
      return <TextField {...common} width="medium" inputMode="decimal" maxLength={20} defaultValue={value(field.name)} />;
    case "integer":
      return <TextField {...common} width="short" inputMode="numeric" maxLength={6} defaultValue={value(field.name)} />;
    case "iban":
      return <TextField {...common} autoComplete="off" spellCheck={false} maxLength={42} defaultValue={value(field.name)} />;
    case "text":
      return <TextField {...common} maxLength={field.maxLength} defaultValue={value(field.name)} />;
  }
}

/** A kind's own fields, rendered from its definition (src/server/istanze/kinds.ts). */
export function InstanceFields({ kind, values, errors }: { kind: InstanceKind; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <>
      {kind.fields.map((field) => (
        <InstanceFieldControl key={field.name} field={field} values={values} errors={errors} />
      ))}
    </>
  );
}
