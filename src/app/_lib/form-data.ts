/** The text fields of a posted form by name (files and Next's own `$ACTION…` fields left out). */
export function textFields(entries: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) if (typeof value === "string" && !name.startsWith("$")) fields[name] = value;
  return fields;
}
