import type { Metadata } from "next";
import Link from "next/link";
import { SmartTaskChecks } from "@/app/_components/smart-task-checks";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { requireContributor } from "@/server/identity/session";
import { getSmartTaskForms } from "@/server/smart-tasks/get-smart-task-forms";
import { smartTaskKinds, smartTaskStatusLabels } from "@/server/smart-tasks/kinds";
import { listSmartTasks, type OwnSmartTask } from "@/server/smart-tasks/list-smart-tasks";
import { Alert, Breadcrumb, PageHeading, StatusBadge, TableRegion, type BadgeTone } from "@/ui";
import { SmartTaskForm } from "./_components/SmartTaskForm";
import { pageFlash, SMART_TASK_PATH } from "./_lib/flash";

export const metadata: Metadata = { title: "Smart-Task" };

type Props = { searchParams: Promise<SearchParams> };

const statusTones: Record<OwnSmartTask["status"], BadgeTone> = {
  INVIATA: "info",
  IN_CARICO: "info",
  ACCOLTA: "success",
  NON_ACCOLTA: "danger",
};

function OwnTasks({ tasks }: { tasks: OwnSmartTask[] }) {
  if (tasks.length === 0) return <Alert tone="info">Non hai ancora inviato Smart-Task con questo profilo.</Alert>;
  const caption = "Le tue Smart-Task";
  return (
    <TableRegion label={caption}>
      <table className="w-full text-left">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Protocollo</th>
            <th scope="col">Tipo</th>
            <th scope="col">Posizione</th>
            <th scope="col">Inviata il</th>
            <th scope="col">Esito</th>
            <th scope="col">Controlli</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.requestId} className="border-t border-neutral-300 align-top">
              <td className="py-2 pr-4 font-mono">{task.protocolNumber}</td>
              <td className="py-2 pr-4">{smartTaskKinds[task.kind].label}</td>
              <td className="py-2 pr-4">{task.matricola}</td>
              <td className="py-2 pr-4">{formatRomeDateTime(task.createdAt)}</td>
              <td className="py-2 pr-4">
                <StatusBadge tone={statusTones[task.status]} label={smartTaskStatusLabels[task.status]} />
              </td>
              <td className="py-2">
                <SmartTaskChecks checks={task.checks} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default async function SmartTaskPage({ searchParams }: Props) {
  const actor = await requireContributor(SMART_TASK_PATH);
  const [forms, tasks, flash] = await Promise.all([
    getSmartTaskForms(actor),
    listSmartTasks(actor),
    pageFlash((await searchParams)[FLASH_PARAM]),
  ]);
  const shownAtForm = flash?.tone === "danger" && flash.form !== undefined && forms.kinds.includes(flash.form);

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Smart-Task" }]} />
      <PageHeading
        title="Smart-Task"
        lead="Richieste trattate automaticamente dal portale: dopo l'invio la richiesta è presa in carico, il portale esegue i controlli e comunica l'esito, Accolta o Non accolta con i motivi. Le trovi anche in Le mie richieste."
      />
      <div id={OUTCOME_NOTICE_ID}>{flash && !shownAtForm && <Alert tone={flash.tone}>{flash.message}</Alert>}</div>
      {forms.kinds.length === 0 ? (
        <Alert tone="info">
          Nessuna Smart-Task è disponibile per il tuo profilo. Per le altre richieste usa{" "}
          <Link href="/cassetto/richieste/nuova">Nuova richiesta</Link>.
        </Alert>
      ) : (
        forms.kinds.map((kind) => (
          <SmartTaskForm key={kind} kind={kind} positions={forms.positions} delegations={forms.delegations} flash={flash} />
        ))
      )}
      <OwnTasks tasks={tasks} />
    </>
  );
}
