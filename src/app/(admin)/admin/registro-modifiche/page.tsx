import type { Metadata } from "next";
import { orFieldErrors } from "@/app/_lib/or-field-errors";
import { firstValues, keysetPageLinks, listPageHref, type ListCursor, type SearchParams } from "@/app/_lib/search-params";
import { totalLabel } from "@/lib/capped-total";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { listAdminChanges, type AdminChangeRow } from "@/server/admin/list-admin-changes";
import { adminChangeActions, adminChangeTargets, auditActionLabels, auditTargetLabels } from "@/server/audit/schemas";
import { requireOperator } from "@/server/identity/session";
import { AuditLogFilters, AuditLogOperator } from "@/app/_components/audit-log-filters";
import { Alert, Breadcrumb, buttonClasses, PageHeading, Pagination, SelectField, TableRegion, TextField } from "@/ui";

export const metadata: Metadata = { title: "Registro delle modifiche" };

type Props = { searchParams: Promise<SearchParams> };

const PATH = "/admin/registro-modifiche";
const filterNames = ["operatore", "azione", "oggetto", "identificativo", "dal", "al"] as const;
const actionOptions = adminChangeActions.map((value) => ({ value, label: auditActionLabels[value] }));
const targetOptions = adminChangeTargets.map((value) => ({ value, label: auditTargetLabels[value] }));

const pageHref = (params: Record<string, string>, cursor?: ListCursor) => listPageHref(PATH, filterNames, params, cursor);

function Changes({ row }: { row: AdminChangeRow }) {
  if (row.details.length === 0) return <span className="text-neutral-700">Nessun valore registrato</span>;
  return (
    <dl className="grid gap-1 text-sm">
      {row.details.map((detail) => (
        <div key={detail.field}>
          <dt className="font-semibold">{detail.field}</dt>
          <dd className="break-words">
            <span className="sr-only">prima: </span>
            <del className="text-neutral-700">{detail.before}</del> <span aria-hidden="true">→</span>
            <span className="sr-only">, dopo: </span>
            <ins className="no-underline">{detail.after}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The audit trail of administrative changes (decision 0045), for an ADMIN:
 * who changed what, when, from which page, with the values before and after;
 * searchable and exported as CSV. Anybody else is told it does not exist.
 */
export default async function AdminChangesPage({ searchParams }: Props) {
  const operator = await requireOperator(PATH);
  const params = firstValues(await searchParams);
  const { result: trail, errors } = await orFieldErrors(() => listAdminChanges(operator, params));
  const filtered = filterNames.some((name) => params[name]);
  const pageLinks = trail ? keysetPageLinks((cursor) => pageHref(params, cursor), trail) : null;
  const exportHref = `${PATH}/esportazione${pageHref(params).slice(PATH.length)}`;

  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Registro delle modifiche" }]} />
      <PageHeading
        title="Registro delle modifiche"
        lead="Ogni modifica amministrativa, con chi l'ha fatta, quando, da quale pagina e i valori prima e dopo. Il registro non si può modificare."
      />
      <AuditLogFilters
        path={PATH}
        params={params}
        errors={errors}
        invalid={!trail}
        target={{
          label: "Che cosa è stato modificato",
          placeholder: "Tutti i tipi",
          options: targetOptions,
          identifierHint: "Il codice dell'argomento o della sede, la gestione, o il codice fiscale dell'operatore.",
        }}
      >
        <TextField
          name="operatore"
          label="Codice fiscale dell'amministratore"
          defaultValue={params.operatore ?? ""}
          maxLength={16}
          autoComplete="off"
          error={errors.operatore?.[0]}
        />
        <SelectField
          name="azione"
          label="Azione"
          placeholder="Tutte le azioni"
          defaultValue={params.azione ?? ""}
          options={actionOptions}
          error={errors.azione?.[0]}
        />
      </AuditLogFilters>

      {!trail ? null : trail.rows.length === 0 ? (
        <Alert tone="info" title={filtered ? "Nessuna modifica corrisponde ai filtri." : "Nessuna modifica registrata."} />
      ) : (
        <>
          <p className="mb-4">
            <a href={exportHref} className={buttonClasses("secondary")} download>
              Scarica CSV
            </a>
          </p>
          <TableRegion label="Registro delle modifiche">
            <table className="w-full border-collapse bg-white text-left">
              <caption className="mb-2 text-left text-neutral-700">
                {`Modifiche trovate: ${totalLabel(trail.total)}; in questa pagina ${trail.rows.length}, dalla più recente.`}
              </caption>
              <thead>
                <tr className="border-b-2 border-neutral-400">
                  {["Data e ora", "Amministratore", "Modifica", "Valori prima → dopo", "Pagina"].map((heading) => (
                    <th key={heading} scope="col" className="px-3 py-2">
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trail.rows.map((row) => (
                  <tr key={row.id} className="border-b border-neutral-200 align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <time dateTime={row.createdAt.toISOString()}>{formatRomeDateTime(row.createdAt)}</time>
                      <span className="block font-mono text-sm text-neutral-700">n. {row.sequence}</span>
                    </th>
                    <td className="px-3 py-2">
                      <AuditLogOperator operator={row.operator} />
                    </td>
                    <td className="px-3 py-2">
                      <span className="block">{row.actionLabel}</span>
                      <span className="block text-sm text-neutral-700">
                        {row.targetLabel} <span className="font-mono break-all">{row.targetId}</span>
                      </span>
                    </td>
                    <td className="px-3 py-2">
                      <Changes row={row} />
                    </td>
                    <td className="px-3 py-2 font-mono text-sm break-all">{row.page}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {pageLinks ? <Pagination label="Pagine del registro" {...pageLinks} /> : null}
        </>
      )}
    </>
  );
}
