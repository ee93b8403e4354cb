import { z } from "zod";
import { formatEuroCents } from "@/lib/euro-amount";
import { formatIban } from "@/lib/iban";
import { formatMonthYear } from "@/lib/month-year";
import { controlNames, findInstanceKind, type InstanceField } from "./kinds";

/** An Istanza online as Request.istanza stores it (decision 0038). */
export const storedInstanceSchema = z.object({
  kind: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});

export type StoredInstance = z.infer<typeof storedInstanceSchema>;

export type InstanceSummary = { title: string; rows: [label: string, value: string][] };

function formatted(field: InstanceField, values: StoredInstance["values"]): string {
  const [name = "", second = ""] = controlNames(field);
  const value = values[name];
  switch (field.type) {
    case "euro":
      return typeof value === "number" ? formatEuroCents(value) : String(value);
    case "period": {
      const end = values[second];
      return `da ${formatMonthYear(String(value))} a ${formatMonthYear(String(end))}`;
    }
    case "iban":
      return formatIban(String(value));
    case "choice":
      return field.options.find((option) => option.value === value)?.label ?? String(value);
    default:
      return String(value);
  }
}

/**
 * What the contributor's request page and the office's quesito page show of
 * an istanza: its kind and each field's label with its value formatted
 * ("1.234,56 €", "da gennaio 2024 a giugno 2024", the IBAN in groups of four).
 * Null for a request that is not an istanza.
 */
export function instanceSummary(istanza: unknown): InstanceSummary | null {
  const stored = storedInstanceSchema.safeParse(istanza);
  if (!stored.success) return null;
  const kind = findInstanceKind(stored.data.kind);
  if (!kind) return null;
  const { values } = stored.data;
  return {
    title: kind.title,
    rows: kind.fields
      .filter((field) => controlNames(field).every((name) => name in values))
      .map((field) => [field.label, formatted(field, values)]),
  };
}
