import type { Metadata } from "next";
import { totalLabel } from "@/lib/capped-total";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { listAccessLog } from "@/server/audit/list-access-log";
import { orFieldErrors } from "@/app/_lib/or-field-errors";
import { accessTargets, auditTargetLabels } from "@/server/audit/schemas";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, PageHeading, Pagination, StatusBadge, TableRegion, TextField } from "@/ui";
import { AuditLogFilters, AuditLogOperator } from "@/app/_components/audit-log-filters";
import { firstValues, keysetPageLinks, listPageHref, type ListCursor, type SearchParams } from "@/app/_lib/search-params";

export const metadata: Metadata = { title: "Registro degli accessi" };

type Props = { searchParams: Promise<SearchParams> };

const PATH = "/fascicolo/registro-accessi";
const filterNames = ["operatore", "contribuente", "oggetto", "identificativo", "dal", "al"] as const;
const codiceFiscaleFilters = [
  { name: "operatore", label: "Codice fiscale dell'operatore" },
  { name: "contribuente", label: "Codice fiscale del contribuente" },
] as const;
const targetOptions = accessTargets.map((value) => ({ value, label: auditTargetLabels[value] }));

/** The list with these filters, at the page a cursor gives (none: the first). */
const pageHref = (params: Record<string, string>, cursor?: ListCursor) => listPageHref(PATH, filterNames, params, cursor);

/**
 * The access log (decision 0032): every opening of a quesito or of a
 * contributor's file by an operator. A RESPONSABILE reads their office's, an
 * ADMIN everybody's; anyone else is told the page does not exist.
 */
export default async function AccessLogPage({ searchParams }: Props) {
  const operator = await requireOperator(PATH);
  const params = firstValues(await searchParams);
  const { result: log, errors } = await orFieldErrors(() => listAccessLog(operator, params));
  const filtered = filterNames.some((name) => params[name]);
  const pageLinks = log ? keysetPageLinks((cursor) => pageHref(params, cursor), log) : null;

  return (
    <>
      <Breadcrumb items={[{ href: "/fascicolo", label: "Fascicolo elettronico" }, { label: "Registro degli accessi" }]} />
      <PageHeading
        title="Registro degli accessi"
        lead={
          operator.role === "ADMIN"
            ? "Chi ha aperto quesiti e fascicoli dei contribuenti, in tutte le sedi: il registro non si può modificare."
            : `Chi, tra gli operatori di ${operator.office.name}, ha aperto quesiti e fascicoli dei contribuenti: il registro non si può modificare.`
        }
      />

      <AuditLogFilters
        path={PATH}
        params={params}
        errors={errors}
        invalid={!log}
        target={{
          label: "Che cosa è stato aperto",
          placeholder: "Quesiti e fascicoli",
          options: targetOptions,
          identifierHint: "Del quesito (come nell'indirizzo della sua pagina) o il codice fiscale del fascicolo.",
        }}
      >
        {codiceFiscaleFilters.map(({ name, label }) => (
          <TextField
            key={name}
            name={name}
            label={label}
            defaultValue={params[name] ?? ""}
            maxLength={16}
            autoComplete="off"
            error={errors[name]?.[0]}
          />
        ))}
      </AuditLogFilters>

      {!log ? null : log.rows.length === 0 ? (
        <Alert tone="info" title={filtered ? "Nessun accesso corrisponde ai filtri." : "Il registro è ancora vuoto."} />
      ) : (
        <>
          <TableRegion label="Registro degli accessi">
            <table className="w-full border-collapse bg-white text-left">
              <caption className="mb-2 text-left text-neutral-700">
                {`Accessi trovati: ${totalLabel(log.total)}; in questa pagina ${log.rows.length}, dal più recente.`}
              </caption>
              <thead>
                <tr className="border-b-2 border-neutral-400">
                  <th scope="col" className="px-3 py-2">
                    N.
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Data e ora
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Operatore
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Accesso
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Contribuente
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Pagina
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Esito
                  </th>
                </tr>
              </thead>
              <tbody>
                {log.rows.map((row) => (
                  <tr key={row.id} className="border-b border-neutral-200 align-top">
                    <th scope="row" className="px-3 py-2 font-mono font-normal">
                      {row.sequence}
                    </th>
                    <td className="px-3 py-2">
                      <time dateTime={row.createdAt.toISOString()}>{formatRomeDateTime(row.createdAt)}</time>
                    </td>
                    <td className="px-3 py-2">
                      <AuditLogOperator operator={row.operator} />
                    </td>
                    <td className="px-3 py-2">
                      <span className="block">{row.actionLabel}</span>
                      <span className="block text-sm text-neutral-700">
                        {row.targetLabel} <span className="font-mono break-all">{row.targetId}</span>
                      </span>
                    </td>
                    <td className="px-3 py-2 font-mono">
                      {row.codiceFiscale ?? <span className="font-sans text-neutral-700">Non indicato</span>}
                    </td>
                    <td className="px-3 py-2 font-mono text-sm break-all">{row.page}</td>
                    <td className="px-3 py-2">
                      <StatusBadge label={row.granted ? "Consentito" : "Negato"} tone={row.granted ? "success" : "danger"} />
                    </td>
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
