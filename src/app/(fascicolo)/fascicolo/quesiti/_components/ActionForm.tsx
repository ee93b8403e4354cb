/**
 * The quesito pages' action forms (decision 0053): a titled section with its
 * refusal and a form posting the quesito and its version. Imported by the
 * client components QuesitoActions and ReassignmentForms, whose render props
 * (the controls) cannot cross from the server.
 */
import type { ReactNode } from "react";
import type { Flash, QuesitoForm } from "../_lib/flash";
import { formSectionId, QUESITO_ID_FIELD } from "../_lib/form-sections";
import { COMMENT_MAX_LENGTH } from "@/server/quesiti/limits";
import { Alert } from "@/ui/Alert";
import { Button, type ButtonVariant } from "@/ui/Button";
import { SelectField, type SelectOption } from "@/ui/SelectField";
import { TextareaField } from "@/ui/TextareaField";

/** A server action, or the address of the route that takes the form as a multipart upload (the reply). */
export type FormTarget = ((formData: FormData) => Promise<void>) | string;

/** What a control of an action form carries: its id, its name, and what a refusal gave back (typed value, error). */
export type ActionField = { id: string; name: string; defaultValue: string; error: string | undefined };

export interface ActionFormProps {
  form: QuesitoForm;
  target: FormTarget | undefined;
  title: string;
  description: string;
  flash: Flash | null;
  quesitoId: string;
  version: number;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The form's controls, given the attributes of each by its name. */
  children?: (field: (name: string) => ActionField) => ReactNode;
}

/** An action's frame on the quesito's pages: a titled section saying what the action does, then its form or link. */
export function ActionSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-titolo`} className="rounded-sm border border-neutral-300 bg-white p-5">
      <h3 id={`${id}-titolo`} className="mb-2 text-lg font-bold">
        {title}
      </h3>
      <p className="mb-4 text-neutral-700">{description}</p>
      {children}
    </section>
  );
}

/** One action, if allowed: a titled section whose refusal, if any, is announced at its top, then its form. */
export function ActionForm({
  form,
  target,
  title,
  description,
  flash,
  quesitoId,
  version,
  submitLabel,
  submitVariant,
  children,
}: ActionFormProps) {
  if (target === undefined) return null;
  const own = flash?.form === form ? flash : null;
  const field = (name: string): ActionField => ({
    id: `${form}-${name}`,
    name,
    defaultValue: own?.values?.[name] ?? "",
    error: own?.errors?.[name]?.join(" "),
  });
  const formTarget = typeof target === "string" ? { method: "post", action: target, encType: "multipart/form-data" } : { action: target };
  const sectionId = formSectionId(form);
  return (
    <ActionSection id={sectionId} title={title} description={description}>
      {own?.message ? (
        <Alert tone="danger" id={`${sectionId}-errore`}>
          <p>{own.message}</p>
        </Alert>
      ) : null}
      <form {...formTarget}>
        <input type="hidden" name={QUESITO_ID_FIELD} value={quesitoId} />
        <input type="hidden" name="expectedVersion" value={version} />
        {children?.(field)}
        <Button variant={submitVariant}>{submitLabel}</Button>
      </form>
    </ActionSection>
  );
}

export function CommentField({ field, label, hint }: { field: ActionField; label: string; hint: string }) {
  return <TextareaField {...field} label={label} hint={hint} required rows={3} limit={COMMENT_MAX_LENGTH} />;
}

/** An action that asks for one choice and a comment: a new state, an esito, a colleague, an office. */
export function ChoiceAndCommentForm({
  choice,
  comment,
  ...form
}: Omit<ActionFormProps, "children"> & {
  choice: { name: string; label: string; placeholder?: string; options: SelectOption[] };
  comment: { label: string; hint: string };
}) {
  return (
    <ActionForm {...form}>
      {(field) => (
        <>
          <SelectField {...field(choice.name)} label={choice.label} required placeholder={choice.placeholder} options={choice.options} />
          <CommentField field={field("comment")} label={comment.label} hint={comment.hint} />
        </>
      )}
    </ActionForm>
  );
}
