import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";
import { OPERATORS_PAGE } from "@/server/admin/operator-schemas";

/** The outcome of the operators' forms across their redirect (decision 0007). */

/** `nuovo-operatore` to add one; `operatore-<id>` for an operator's office and role; `stato-<id>` to (de)activate them. */
export type OperatorsForm = "nuovo-operatore" | `operatore-${string}` | `stato-${string}`;
export type Flash = FormFlash<OperatorsForm>;

export const operatorForm = (operatorId: string): OperatorsForm => `operatore-${operatorId}`;
export const statusForm = (operatorId: string): OperatorsForm => `stato-${operatorId}`;

export const { pageFlash, redirectWithFlash } = formFlashFamily<OperatorsForm>({
  cookieName: "cb.admin.operatori",
  path: OPERATORS_PAGE,
  isForm: (value): value is OperatorsForm => value === "nuovo-operatore" || value.startsWith("operatore-") || value.startsWith("stato-"),
});
