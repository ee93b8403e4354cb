import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import { firstValue, type SearchParams } from "@/app/_lib/search-params";
import { formatRomeDateTime, formatRomeLongDay, formatRomeTime } from "@/lib/rome-dates";
import { getBookingOptions, type BookingOptions } from "@/server/agenda/get-booking-options";
import { channelLabels } from "@/server/agenda/labels";
import { PHONE_MAX_LENGTH, REASON_MAX_LENGTH } from "@/server/agenda/schemas";
import { ConflictError, NotFoundError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, DescriptionList, PageHeading, TextareaField, TextField } from "@/ui";
import { ErrorSummary } from "../../richieste/_components/ErrorSummary";
import { SlotFocus } from "../_components/SlotFocus";
import { bookingHref, BOOKING_PATH, pageFlash, type Flash } from "../_lib/flash";
import { bookAppointmentAction, rescheduleAppointmentAction } from "../actions";

export const metadata: Metadata = { title: "Prenota un appuntamento" };

type Props = { searchParams: Promise<SearchParams> };

const places = (count: number) => (count === 1 ? "1 posto libero" : `${count} posti liberi`);

function ChannelStep({ options, query }: { options: BookingOptions; query: { richiesta?: string } }) {
  return (
    <form method="get" action={BOOKING_PATH} className="mt-6 grid max-w-2xl gap-4">
      <input type="hidden" name="richiesta" value={query.richiesta ?? options.request.id} />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-xl font-semibold">1. Come preferisci svolgere l&apos;appuntamento?</legend>
        {options.channels.map((channel) => (
          <label key={channel} className="flex min-h-12 items-center gap-3">
            <input type="radio" name="canale" value={channel} defaultChecked={options.channel === channel} required className="size-5" />
            {channelLabels[channel]}
          </label>
        ))}
      </fieldset>
      <Button variant="secondary">Mostra i giorni liberi</Button>
    </form>
  );
}

function DayStep({ options, base }: { options: BookingOptions; base: Parameters<typeof bookingHref>[0] }) {
  return (
    <section id="giorni" aria-labelledby="giorni-titolo" className="mt-8">
      <h2 id="giorni-titolo" className="mb-2 text-xl font-semibold">
        2. Scegli il giorno{options.channel ? ` (${channelLabels[options.channel].toLowerCase()})` : ""}
      </h2>
      {options.days.length === 0 ? (
        <p>Non ci sono posti liberi nei giorni prenotabili. Riprova nei prossimi giorni o scrivi alla sede dalla pagina della richiesta.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {options.days.map((day) => (
            <li key={day.day}>
              <Link
                href={`${bookingHref({ ...base, giorno: day.day })}#orari`}
                aria-current={options.day?.day === day.day ? "true" : undefined}
                className="block rounded-sm border-2 border-primary p-3 aria-[current=true]:bg-primary-50"
                scroll={false}
              >
                <span className="font-semibold first-letter:uppercase">{formatRomeLongDay(day.day)}</span>
                <span className="block">{places(day.freePlaces)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SlotStep({ options, flash }: { options: BookingOptions; flash: Flash | null }) {
  const day = options.day;
  if (!day || !options.channel) return null;
  const refused = flash?.form === "prenotazione" && flash.tone === "danger" ? flash : null;
  const value = (name: string, fallback = "") => refused?.values?.[name] ?? fallback;
  const error = (name: string) => refused?.errors?.[name]?.[0];
  const heading = `Orari liberi di ${formatRomeLongDay(day.day)}: ${places(day.freePlaces)}`;
  const rescheduling = options.rescheduling;
  return (
    <section id="orari" aria-labelledby="orari-titolo" className="mt-8">
      <SlotFocus targetId="orari-titolo" announcement={heading} />
      <h2 id="orari-titolo" tabIndex={-1} className="mb-2 text-xl font-semibold">
        3. {heading}
      </h2>
      <p className="mb-4">
        <a href="#giorni">Scegli un altro giorno</a>
      </p>
      <form action={rescheduling ? rescheduleAppointmentAction : bookAppointmentAction} id="prenotazione" className="grid max-w-2xl gap-4">
        {refused?.errors ? (
          <ErrorSummary errors={refused.errors} fields={{ startsAt: "Orario", reason: "Motivo", phone: "Telefono" }} />
        ) : null}
        {rescheduling ? (
          <input type="hidden" name="appointmentId" value={rescheduling.id} />
        ) : (
          <input type="hidden" name="requestId" value={options.request.id} />
        )}
        <input type="hidden" name="channel" value={options.channel} />
        <input type="hidden" name="day" value={day.day} />
        <fieldset className="grid gap-2" aria-describedby={error("startsAt") ? "startsAt-error" : undefined}>
          <legend className="mb-2 font-semibold">Orario</legend>
          {error("startsAt") ? (
            <p id="startsAt-error" className="font-semibold text-danger-700">
              {error("startsAt")}
            </p>
          ) : null}
          {day.slots.map((slot, index) => (
            <label key={slot.startsAt.toISOString()} className="flex min-h-12 items-center gap-3">
              <input
                type="radio"
                name="startsAt"
                id={index === 0 ? "startsAt" : undefined}
                value={slot.startsAt.toISOString()}
                defaultChecked={value("startsAt") === slot.startsAt.toISOString()}
                required
                className="size-5"
              />
              dalle {formatRomeTime(slot.startsAt)} alle {formatRomeTime(slot.endsAt)} – {places(slot.free)}
            </label>
          ))}
        </fieldset>
        <TextareaField
          name="reason"
          label={rescheduling ? "Motivo dello spostamento" : "Motivo dell'appuntamento"}
          hint="Di che cosa vuoi parlare con la sede, in poche righe."
          rows={3}
          limit={REASON_MAX_LENGTH}
          required
          defaultValue={value("reason")}
          error={error("reason")}
        />
        {!rescheduling ? (
          <TextField
            name="phone"
            type="tel"
            label="Telefono"
            hint="Necessario per l'appuntamento telefonico: il numero a cui la sede ti chiamerà. Ad esempio 333 1234567."
            width="medium"
            maxLength={PHONE_MAX_LENGTH}
            required={options.channel === "TELEFONICO"}
            autoComplete="tel"
            defaultValue={value("phone", options.phone ?? "")}
            error={error("phone")}
          />
        ) : null}
        <Button>{rescheduling ? "Sposta l'appuntamento" : "Prenota l'appuntamento"}</Button>
      </form>
    </section>
  );
}

export default async function BookingPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = {
    richiesta: firstValue(params.richiesta),
    appuntamento: firstValue(params.appuntamento),
    canale: firstValue(params.canale),
    giorno: firstValue(params.giorno),
  };
  const actor = await requireContributor(BOOKING_PATH);
  const title = query.appuntamento ? "Sposta l'appuntamento" : "Prenota un appuntamento";
  const breadcrumb = (
    <Breadcrumb
      items={[
        { href: "/cassetto", label: "Cassetto previdenziale" },
        { href: "/cassetto/agenda", label: "Agenda appuntamenti" },
        { label: title },
      ]}
    />
  );
  let options: BookingOptions;
  try {
    options = await getBookingOptions(actor, {
      requestId: query.richiesta,
      appointmentId: query.appuntamento,
      channel: query.canale,
      day: query.giorno,
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof ConflictError)) throw error;
    return (
      <>
        {breadcrumb}
        <PageHeading title={title} />
        <Alert tone="warning" title="Non è possibile prenotare">
          <p>{error.message}</p>
        </Alert>
        <p className="mt-6">
          <Link href={query.appuntamento ? `/cassetto/agenda/${query.appuntamento}` : `/cassetto/richieste/${query.richiesta ?? ""}`}>
            Torna indietro
          </Link>
        </p>
      </>
    );
  }
  const flash = await pageFlash(params[FLASH_PARAM]);
  const base = query.appuntamento ? { appuntamento: query.appuntamento } : { richiesta: options.request.id, canale: options.channel };
  return (
    <>
      {breadcrumb}
      <PageHeading title={title} lead="Scegli il giorno tra quelli con posti liberi, poi l'orario. Tutti gli orari sono quelli italiani." />
      {flash?.tone === "danger" ? <Alert tone="danger">{flash.message}</Alert> : null}
      <DescriptionList
        rows={[
          [
            "Richiesta",
            <Link
              key="richiesta"
              href={`/cassetto/richieste/${options.request.id}`}
            >{`${options.request.protocolNumber} – ${options.request.subjectLabel}`}</Link>,
          ],
          ["Posizione", options.request.positionLabel],
          ["Sede", options.officeName],
          ...(options.rescheduling
            ? ([
                ["Appuntamento attuale", formatRomeDateTime(options.rescheduling.startsAt)],
                ["Spostamenti ancora possibili", String(options.rescheduling.reschedulesLeft)],
              ] as [string, string][])
            : []),
        ]}
      />
      {!options.rescheduling && options.channels.length > 1 ? <ChannelStep options={options} query={query} /> : null}
      {options.channel ? <DayStep options={options} base={base} /> : null}
      <SlotStep options={options} flash={flash} />
    </>
  );
}
