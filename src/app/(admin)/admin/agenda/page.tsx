import type { Metadata } from "next";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { SearchParams } from "@/app/_lib/search-params";
import { AgendaRuleFields } from "@/app/_components/agenda-rule-fields";
import { getAgendaDefaults } from "@/server/admin/get-agenda-defaults";
import type { AgendaRuleValues } from "@/server/agenda/agenda-defaults";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, Card, PageHeading } from "@/ui";
import { updateAgendaDefaultsAction } from "../sedi/actions";
import { AGENDA_DEFAULTS_PATH, pageFlash } from "../sedi/_lib/flash";

export const metadata: Metadata = { title: "Agenda: valori predefiniti" };

type Props = { searchParams: Promise<SearchParams> };

/** The booking rules new offices' agendas start from (ADMIN only, decision 0047). */
export default async function AgendaDefaultsPage({ searchParams }: Props) {
  const actor = await requireOperator(AGENDA_DEFAULTS_PATH);
  const defaults = await orNotFound(() => getAgendaDefaults(actor));
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const refused = flash?.form === "agenda" && flash.tone === "danger" ? flash : null;
  const value = (name: keyof AgendaRuleValues) => refused?.values?.[name] ?? String(defaults[name]);
  return (
    <>
      <Breadcrumb items={[{ href: "/admin", label: "Amministrazione" }, { label: "Agenda: valori predefiniti" }]} />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title="Agenda: valori predefiniti"
        lead="Le regole di prenotazione da cui parte l'agenda di una sede. Una modifica vale per le sedi che aprono l'agenda da ora e per quelle che non hanno ancora salvato regole proprie; gli appuntamenti già prenotati restano come sono."
      />
      <Card title="Regole di prenotazione">
        <p className="mb-4">
          Sedi con l&apos;agenda aperta che seguono i valori predefiniti: {defaults.following}; con regole proprie: {defaults.ownRules}.
        </p>
        <form action={updateAgendaDefaultsAction} id="agenda" className="grid max-w-2xl gap-4" noValidate>
          {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
          <input type="hidden" name="expectedVersion" value={defaults.version} />
          <AgendaRuleFields idPrefix="agenda" value={value} error={(name) => refused?.errors?.[name]?.join(" ")} />
          <Button>Salva i valori predefiniti</Button>
        </form>
      </Card>
    </>
  );
}
