import type { Metadata } from "next";
import { SmartTaskOpening } from "@/generated/prisma/enums";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getSmartTaskEnablement, type SmartTaskKindEnablement } from "@/server/admin/get-smart-task-enablement";
import { PILOT_GROUP_MAX, SMART_TASK_PAGE, smartTaskOpeningLabels } from "@/server/admin/smart-task-schemas";
import { profileLabels } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, Card, PageHeading, SelectField, TextareaField } from "@/ui";
import { updateSmartTaskOpeningAction, updateSmartTaskPilotGroupAction } from "./actions";
import { kindForm, pageFlash, PILOT_GROUP_FORM, type Flash } from "./_lib/flash";

export const metadata: Metadata = { title: "Smart-Task" };

type Props = { searchParams: Promise<SearchParams> };

const refusedAt = (flash: Flash | null, form: string) => (flash?.form === form && flash.tone === "danger" ? flash : null);

function OpeningForm({ entry, flash }: { entry: SmartTaskKindEnablement; flash: Flash | null }) {
  const form = kindForm(entry.kind);
  const refused = refusedAt(flash, form);
  return (
    <Card title={entry.label}>
      <form action={updateSmartTaskOpeningAction} id={form} className="grid max-w-2xl gap-4" noValidate>
        {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
        <p>Possono presentarla: {entry.filers.map((profile) => profileLabels[profile].toLowerCase()).join(", ")}.</p>
        <input type="hidden" name="kind" value={entry.kind} />
        <input type="hidden" name="expectedVersion" value={entry.version} />
        <SelectField
          id={`${entry.kind}-opening`}
          name="opening"
          label="Chi può presentarla"
          options={Object.values(SmartTaskOpening).map((opening) => ({ value: opening, label: smartTaskOpeningLabels[opening] }))}
          defaultValue={refused?.values?.opening ?? entry.opening}
          error={refused?.errors?.opening?.join(" ")}
        />
        <Button>Salva</Button>
      </form>
    </Card>
  );
}

/** Who may file each Smart-Task kind, and the pilot group (ADMIN only, decision 0046). */
export default async function SmartTaskEnablementPage({ searchParams }: Props) {
  const actor = await requireOperator(SMART_TASK_PAGE);
  const view = await orNotFound(() => getSmartTaskEnablement(actor));
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refusedGroup = refusedAt(flash, PILOT_GROUP_FORM);
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Smart-Task" }]} />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title="Smart-Task"
        lead="Per ogni tipo di Smart-Task, chi può presentarla: nessuno, solo il gruppo pilota o tutti. Una modifica vale da subito."
      />
      <div className="space-y-8">
        {view.kinds.map((entry) => (
          <OpeningForm key={entry.kind} entry={entry} flash={flash} />
        ))}
        <Card title="Gruppo pilota">
          <form action={updateSmartTaskPilotGroupAction} id={PILOT_GROUP_FORM} className="grid max-w-2xl gap-4" noValidate>
            {refusedGroup ? <Alert tone="danger">{refusedGroup.message}</Alert> : null}
            <input type="hidden" name="expectedVersion" value={view.pilotGroup.version} />
            <TextareaField
              id="pilot-codiciFiscali"
              name="codiciFiscali"
              label="Codici fiscali del gruppo pilota"
              hint={`Uno per riga, al massimo ${PILOT_GROUP_MAX}. Possono presentare le Smart-Task aperte al solo gruppo pilota.`}
              rows={8}
              defaultValue={refusedGroup?.values?.codiciFiscali ?? view.pilotGroup.codiciFiscali.join("\n")}
              error={refusedGroup?.errors?.codiciFiscali?.join(" ")}
            />
            <Button>Salva il gruppo pilota</Button>
          </form>
        </Card>
      </div>
    </>
  );
}
