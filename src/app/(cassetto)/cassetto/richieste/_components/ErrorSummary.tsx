import type { FieldErrors } from "@/server/errors/domain-errors";
import { Alert } from "@/ui";

interface ErrorSummaryProps {
  errors: FieldErrors;
  /** The label of each field, in the order the form shows them; errors of other keys are listed without a link. */
  fields: Record<string, string>;
  title?: string;
}

/** The list of a form's errors above it, each linking to its field (the field's id is its name). */
export function ErrorSummary({ errors, fields, title = "Il modulo contiene errori: correggere i campi indicati." }: ErrorSummaryProps) {
  const ordered = [
    ...Object.keys(fields).filter((name) => errors[name]?.length),
    ...Object.keys(errors).filter((name) => !(name in fields) && errors[name]?.length),
  ];
  if (ordered.length === 0) return null;
  return (
    <Alert tone="danger" title={title} id="riepilogo-errori">
      <ul className="list-disc space-y-1 pl-5">
        {ordered.flatMap((name) =>
          (errors[name] ?? []).map((message) => (
            <li key={`${name}-${message}`}>
              {name in fields ? (
                <a href={`#${name}`}>
                  {fields[name]}: {message}
                </a>
              ) : (
                message
              )}
            </li>
          )),
        )}
      </ul>
    </Alert>
  );
}
