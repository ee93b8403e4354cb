import { agendaRuleFields } from "@/server/agenda/labels";
import type { AgendaRuleValues } from "@/server/agenda/agenda-defaults";
import { TextField } from "@/ui";

type RuleName = keyof AgendaRuleValues;

/**
 * The booking rules' number fields, shared by the office's availability page
 * and the administrators' defaults (decision 0047): `value` and `error` give
 * each field's shown value and message.
 */
export function AgendaRuleFields({
  idPrefix,
  value,
  error,
}: {
  idPrefix?: string;
  value: (name: RuleName) => string;
  error: (name: RuleName) => string | undefined;
}) {
  return agendaRuleFields.map(({ name, label, hint }) => (
    <TextField
      key={name}
      id={idPrefix ? `${idPrefix}-${name}` : undefined}
      name={name}
      type="number"
      label={label}
      hint={hint}
      width="short"
      required
      inputMode="numeric"
      defaultValue={value(name)}
      error={error(name)}
    />
  ));
}
