import Link from "next/link";
import type { ReactNode } from "react";
import type { AuditLogRow } from "@/server/audit/audit-log-page";
import type { FieldErrors } from "@/server/errors/domain-errors";
import { Alert, Button, buttonClasses, SelectField, TextField, type SelectOption } from "@/ui";

/**
 * The GET form both readers of the audit log share (decisions 0032, 0045):
 * their own fields first (`children`), then the kind of record and its
 * identifier, the period and the buttons. Works without JavaScript.
 */
export function AuditLogFilters({
  path,
  params,
  errors,
  invalid,
  target,
  children,
}: {
  path: string;
  params: Record<string, string>;
  errors: FieldErrors;
  /** Whether the filters were refused (no list shown). */
  invalid: boolean;
  target: { label: string; placeholder: string; options: SelectOption[]; identifierHint: string };
  children: ReactNode;
}) {
  const error = (name: string) => errors[name]?.[0];
  return (
    <section aria-labelledby="filtri-titolo" className="mb-8 rounded-sm border border-neutral-300 bg-white p-5 md:p-6">
      <h2 id="filtri-titolo" className="mb-4 text-xl font-bold">
        Filtra
      </h2>
      {invalid ? <Alert tone="danger" title="Alcuni filtri non sono validi: correggerli per vedere il registro." /> : null}
      <form key={new URLSearchParams(params).toString()} method="get" action={path}>
        <div className="grid gap-x-6 md:grid-cols-2">
          {children}
          <SelectField
            name="oggetto"
            label={target.label}
            placeholder={target.placeholder}
            defaultValue={params.oggetto ?? ""}
            options={target.options}
            error={error("oggetto")}
          />
          <TextField
            name="identificativo"
            label="Identificativo"
            hint={target.identifierHint}
            defaultValue={params.identificativo ?? ""}
            maxLength={64}
            error={error("identificativo")}
          />
          <TextField name="dal" type="date" label="Dal" defaultValue={params.dal ?? ""} error={error("dal")} />
          <TextField name="al" type="date" label="Fino al" defaultValue={params.al ?? ""} error={error("al")} />
        </div>
        <div className="flex flex-wrap gap-4">
          <Button>Applica i filtri</Button>
          <Link href={path} className={buttonClasses("secondary")}>
            Azzera i filtri
          </Link>
        </div>
      </form>
    </section>
  );
}

/** Who wrote an entry: name as it is now, codice fiscale, role and office as they were then. */
export function AuditLogOperator({ operator }: { operator: AuditLogRow["operator"] }) {
  return (
    <>
      <span className="block">{operator.name ?? "Operatore non più presente"}</span>
      <span className="block font-mono text-sm text-neutral-700">{operator.codiceFiscale}</span>
      <span className="block text-sm text-neutral-700">
        {operator.officeName ? `${operator.roleLabel} – ${operator.officeName}` : operator.roleLabel}
      </span>
    </>
  );
}
