import type { Metadata } from "next";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { formatRomeLongDay } from "@/lib/rome-dates";
import { getAgendaSettings, type AgendaSettingsView } from "@/server/agenda/get-agenda-settings";
import { AgendaRuleFields } from "@/app/_components/agenda-rule-fields";
import { channelLabels, minutesLabel, weekdayLabels } from "@/server/agenda/labels";
import { REASON_MAX_LENGTH } from "@/server/agenda/schemas";
import { requireOperator } from "@/server/identity/session";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  CheckboxField,
  DescriptionList,
  PageHeading,
  SelectField,
  TableRegion,
  TextareaField,
  TextField,
} from "@/ui";
import { AVAILABILITY_PATH, pageFlash, windowForm, type Flash, type OfficeAgendaForm } from "../_lib/flash";
import { addAgendaClosureAction, addAgendaWindowAction, removeAgendaWindowAction, updateAgendaSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Disponibilità dell'agenda" };

type Props = { searchParams: Promise<SearchParams> };

const refusedAt = (flash: Flash | null, form: OfficeAgendaForm) => (flash?.form === form && flash.tone === "danger" ? flash : null);

const channelOptions = Object.entries(channelLabels).map(([value, label]) => ({ value, label }));
const weekdayOptions = Object.entries(weekdayLabels).map(([value, label]) => ({ value, label }));

function RulesForm({ view, flash }: { view: AgendaSettingsView; flash: Flash | null }) {
  const refused = refusedAt(flash, "regole");
  const value = (name: keyof AgendaSettingsView["settings"]) => refused?.values?.[name] ?? String(view.settings[name] ?? "");
  const error = (name: string) => refused?.errors?.[name]?.[0];
  return (
    <form action={updateAgendaSettingsAction} id="regole" className="grid max-w-2xl gap-4">
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <AgendaRuleFields value={value} error={error} />
      <TextField
        name="address"
        label="Indirizzo per gli appuntamenti in presenza"
        defaultValue={value("address")}
        error={error("address")}
      />
      <TextField
        name="videoLink"
        type="url"
        label="Collegamento per le videochiamate"
        hint="Un indirizzo https."
        defaultValue={value("videoLink")}
        error={error("videoLink")}
      />
      <Button>Salva le regole</Button>
    </form>
  );
}

function Windows({ view, flash }: { view: AgendaSettingsView; flash: Flash | null }) {
  const refused = refusedAt(flash, "nuova-fascia");
  const error = (name: string) => refused?.errors?.[name]?.[0];
  return (
    <>
      {view.windows.length === 0 ? (
        <p>Nessuna fascia oraria: i contribuenti non possono ancora prenotare.</p>
      ) : (
        <TableRegion label="Fasce orarie settimanali">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Fasce orarie settimanali</caption>
            <thead>
              <tr className="border-b-2 border-neutral-300">
                <th scope="col" className="p-2">
                  Giorno
                </th>
                <th scope="col" className="p-2">
                  Orario
                </th>
                <th scope="col" className="p-2">
                  Modalità
                </th>
                {view.editable ? (
                  <th scope="col" className="p-2">
                    <span className="sr-only">Azioni</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {view.windows.map((window) => {
                const label = `${weekdayLabels[window.weekday]} ${minutesLabel(window.startMinute)}–${minutesLabel(window.endMinute)} ${channelLabels[window.channel].toLowerCase()}`;
                const removal = refusedAt(flash, windowForm(window.id));
                return (
                  <tr key={window.id} className="border-b border-neutral-200">
                    <td className="p-2">{weekdayLabels[window.weekday]}</td>
                    <td className="p-2">
                      {minutesLabel(window.startMinute)}–{minutesLabel(window.endMinute)}
                    </td>
                    <td className="p-2">{channelLabels[window.channel]}</td>
                    {view.editable ? (
                      <td className="p-2">
                        <form action={removeAgendaWindowAction} id={windowForm(window.id)}>
                          {removal ? <Alert tone="danger">{removal.message}</Alert> : null}
                          <input type="hidden" name="windowId" value={window.id} />
                          <Button variant="secondary" aria-label={`Rimuovi la fascia ${label}`}>
                            Rimuovi
                          </Button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {view.editable ? (
        <form action={addAgendaWindowAction} id="nuova-fascia" className="mt-6 grid max-w-2xl gap-4">
          <h3 className="text-lg font-semibold">Aggiungi una fascia</h3>
          {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
          <SelectField
            name="weekday"
            label="Giorno della settimana"
            options={weekdayOptions}
            defaultValue={refused?.values?.weekday ?? "1"}
            error={error("weekday")}
          />
          <SelectField
            name="channel"
            label="Modalità"
            options={channelOptions}
            defaultValue={refused?.values?.channel ?? "IN_PRESENZA"}
            error={error("channel")}
          />
          <TextField
            name="start"
            label="Dalle (hh:mm)"
            hint="Ora italiana, ad esempio 09:00."
            width="short"
            required
            defaultValue={refused?.values?.start ?? ""}
            error={error("start")}
          />
          <TextField
            name="end"
            label="Alle (hh:mm)"
            hint="Ad esempio 12:30."
            width="short"
            required
            defaultValue={refused?.values?.end ?? ""}
            error={error("end")}
          />
          <Button>Aggiungi la fascia</Button>
        </form>
      ) : null}
    </>
  );
}

function Closures({ view, flash }: { view: AgendaSettingsView; flash: Flash | null }) {
  const refused = refusedAt(flash, "chiusura");
  const error = (name: string) => refused?.errors?.[name]?.[0];
  return (
    <>
      {view.closures.length === 0 ? (
        <p>Nessuna chiusura della sede in programma.</p>
      ) : (
        <ul className="list-disc pl-5">
          {view.closures.map((closure) => (
            <li key={closure.day}>
              <span className="first-letter:uppercase">{formatRomeLongDay(closure.day)}</span>: {closure.reason}
            </li>
          ))}
        </ul>
      )}
      {view.editable ? (
        <form action={addAgendaClosureAction} id="chiusura" className="mt-6 grid max-w-2xl gap-4">
          <h3 className="text-lg font-semibold">Aggiungi una chiusura</h3>
          {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
          <TextField
            name="day"
            type="date"
            label="Giorno"
            width="medium"
            required
            defaultValue={refused?.values?.day ?? ""}
            error={error("day")}
          />
          <TextareaField
            name="reason"
            label="Motivo"
            hint="Ad esempio: festa del santo patrono. I contribuenti con un appuntamento quel giorno lo riceveranno."
            rows={2}
            limit={REASON_MAX_LENGTH}
            required
            defaultValue={refused?.values?.reason ?? ""}
            error={error("reason")}
          />
          <CheckboxField
            name="confirmed"
            label="Confermo la chiusura anche se ci sono appuntamenti: saranno annullati e ogni contribuente sarà avvisato"
            defaultChecked={refused?.values?.confirmed === "on"}
            error={error("confirmed")}
          />
          <Button>Registra la chiusura</Button>
        </form>
      ) : null}
    </>
  );
}

export default async function AvailabilityPage({ searchParams }: Props) {
  const actor = await requireOperator(AVAILABILITY_PATH);
  const view = await getAgendaSettings(actor);
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  const { settings } = view;
  return (
    <>
      <Breadcrumb
        items={[{ href: "/fascicolo", label: "Scrivania" }, { href: "/fascicolo/agenda", label: "Agenda" }, { label: "Disponibilità" }]}
      />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title="Disponibilità dell'agenda"
        lead={
          view.editable
            ? "Le fasce orarie, le regole e le chiusure con cui i contribuenti prenotano gli appuntamenti. Gli orari sono quelli italiani."
            : "Solo il responsabile della sede può modificare la disponibilità."
        }
      />
      <div className="space-y-8">
        <Card title="Regole">
          {view.editable ? (
            <RulesForm view={view} flash={flash} />
          ) : (
            <DescriptionList
              rows={[
                ["Durata di un appuntamento", `${settings.slotMinutes} minuti`],
                ["Posti per orario", String(settings.places)],
                ["Preavviso minimo", `${settings.minLeadWorkingDays} giorni lavorativi`],
                ["Prenotabile fino a", `${settings.maxDaysAhead} giorni da oggi`],
                ["Termine per annullare o spostare", `${settings.cancelCutoffHours} ore prima`],
                ["Spostamenti ammessi", String(settings.maxReschedules)],
              ]}
            />
          )}
        </Card>
        <Card title="Fasce orarie settimanali">
          <Windows view={view} flash={flash} />
        </Card>
        <Card title="Chiusure della sede">
          <Closures view={view} flash={flash} />
        </Card>
        <Card title="Festività nazionali">
          <p className="mb-2">Calcolate ogni anno, Pasquetta compresa: l&apos;agenda è chiusa in questi giorni.</p>
          <ul className="list-disc pl-5">
            {view.holidays.map((holiday) => (
              <li key={holiday.day}>
                <span className="first-letter:uppercase">{formatRomeLongDay(holiday.day)}</span>: {holiday.name}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
