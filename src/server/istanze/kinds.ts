/**
 * The kinds of Istanze online (F17) of the Gestione Separata committenti, as
 * data: each kind's subject in the seeded "Istanze online" area, its fields
 * (with their types and messages) and whether attachments are required. One
 * function turns a kind into its zod schema (schemas.ts), one component
 * renders its form, one function its summary (decision 0038).
 */

/** The gestione whose positions file istanze. */
export const INSTANCE_GESTIONE = "GS_COMMITTENTI" as const;

type FieldBase = {
  /** The form control's name (`<name>Dal` and `<name>Al` for a period), the key of the stored value. */
  name: string;
  label: string;
  hint?: string;
  /** The message when the field is left blank. */
  missing: string;
};

export type InstanceField =
  /** An amount in euro, typed "1.234,56", stored in cents; at least `minCents`. */
  | (FieldBase & { type: "euro"; minCents: number })
  /** A whole number within [min, max]. */
  | (FieldBase & { type: "integer"; min: number; max: number })
  /** A range of months, "MM/AAAA" to "MM/AAAA", not before `firstYear` nor after the current month. */
  | (FieldBase & { type: "period"; firstYear: number })
  /** An IBAN with its check digits (ISO 13616). */
  | (FieldBase & { type: "iban" })
  /** A short text; `pattern` with its message when it has a form of its own. */
  | (FieldBase & { type: "text"; maxLength: number; pattern?: { regex: RegExp; message: string } })
  /** One of a few values. */
  | (FieldBase & { type: "choice"; options: readonly { value: string; label: string }[] });

export type InstanceKind = {
  /** The kind's address: /cassetto/istanze/<slug>. */
  slug: string;
  /** Its subject in the gestione's tree (prisma/seed/data/subjects.json): routing and time to answer are the subject's. */
  subjectCode: string;
  title: string;
  /** What the kind is for, on the list of kinds and above the form. */
  description: string;
  fields: readonly InstanceField[];
  /** The label and hint of the free text every instance carries: its reasons, the request's first message. */
  reason: { label: string; hint: string };
  attachments: { required: boolean; hint: string; missing?: string };
};

/** Gestione Separata started in 1996: no contribution period of it is earlier. */
const FIRST_YEAR = 1996;

const period = (label: string, hint: string): InstanceField => ({
  type: "period",
  name: "periodo",
  label,
  hint,
  missing: "Indicare il mese iniziale e quello finale del periodo.",
  firstYear: FIRST_YEAR,
});

export const instanceKinds: readonly InstanceKind[] = [
  {
    slug: "rateizzazione",
    subjectCode: "GSC-ISTA-01",
    title: "Istanza di rateizzazione",
    description: "Chiedi di pagare a rate i contributi dovuti alla Gestione Separata per i compensi corrisposti.",
    fields: [
      {
        type: "euro",
        name: "importo",
        label: "Importo del debito da rateizzare",
        hint: "In euro, con la virgola per i centesimi: ad esempio 12.500,00.",
        missing: "Indicare l'importo del debito da rateizzare.",
        minCents: 100,
      },
      {
        type: "integer",
        name: "rate",
        label: "Numero di rate mensili",
        hint: "Da 2 a 24 rate.",
        missing: "Indicare il numero di rate.",
        min: 2,
        max: 24,
      },
      period("Periodo contributivo del debito", "Dal mese al mese, nel formato MM/AAAA: ad esempio da 01/2024 a 06/2024."),
    ],
    reason: {
      label: "Motivi della richiesta",
      hint: "Descrivi la temporanea difficoltà che non consente il pagamento in un'unica soluzione.",
    },
    attachments: { required: false, hint: "Puoi allegare la documentazione della situazione economica (bilancio, estratti conto)." },
  },
  {
    slug: "riduzione-sanzioni",
    subjectCode: "GSC-ISTA-02",
    title: "Istanza di riduzione delle sanzioni civili",
    description: "Chiedi la riduzione delle sanzioni civili addebitate per omesso o ritardato versamento dei contributi.",
    fields: [
      {
        type: "euro",
        name: "importoSanzioni",
        label: "Importo delle sanzioni civili",
        hint: "In euro, come indicato nell'avviso: ad esempio 1.250,40.",
        missing: "Indicare l'importo delle sanzioni civili.",
        minCents: 1,
      },
      period("Periodo a cui si riferiscono le sanzioni", "Dal mese al mese, nel formato MM/AAAA."),
      {
        type: "choice",
        name: "motivo",
        label: "Motivo della riduzione",
        missing: "Scegliere il motivo della riduzione.",
        options: [
          { value: "incertezza", label: "Oggettive incertezze sull'obbligo contributivo" },
          { value: "crisi", label: "Crisi, riconversione o ristrutturazione aziendale" },
          { value: "evento", label: "Evento eccezionale non prevedibile" },
        ],
      },
    ],
    reason: { label: "Esposizione dei fatti", hint: "Descrivi le circostanze che motivano la riduzione." },
    attachments: {
      required: true,
      hint: "Allega l'avviso di addebito delle sanzioni e la documentazione del motivo indicato.",
      missing: "Allegare l'avviso di addebito delle sanzioni e la documentazione del motivo indicato.",
    },
  },
  {
    slug: "rimborso",
    subjectCode: "GSC-ISTA-03",
    title: "Istanza di rimborso",
    description: "Chiedi la restituzione di contributi versati in eccedenza o non dovuti.",
    fields: [
      {
        type: "euro",
        name: "importo",
        label: "Importo da rimborsare",
        hint: "In euro, con la virgola per i centesimi: ad esempio 842,30.",
        missing: "Indicare l'importo da rimborsare.",
        minCents: 1,
      },
      period("Periodo dei versamenti", "Dal mese al mese, nel formato MM/AAAA."),
      {
        type: "iban",
        name: "iban",
        label: "IBAN del conto di accredito",
        hint: "Il conto deve essere intestato al committente. Puoi scriverlo con o senza spazi.",
        missing: "Indicare l'IBAN del conto su cui accreditare il rimborso.",
      },
      {
        type: "text",
        name: "intestatario",
        label: "Intestatario del conto",
        missing: "Indicare l'intestatario del conto.",
        maxLength: 140,
      },
    ],
    reason: { label: "Motivi del rimborso", hint: "Indica perché i contributi non erano dovuti (ad esempio un versamento duplicato)." },
    attachments: {
      required: true,
      hint: "Allega le quietanze dei versamenti (modello F24) di cui chiedi il rimborso.",
      missing: "Allegare le quietanze dei versamenti (modello F24) di cui si chiede il rimborso.",
    },
  },
  {
    slug: "sgravio",
    subjectCode: "GSC-ISTA-04",
    title: "Istanza di sgravio",
    description: "Chiedi l'annullamento, totale o parziale, di un avviso di addebito che ritieni non dovuto.",
    fields: [
      {
        type: "text",
        name: "avviso",
        label: "Numero dell'avviso di addebito",
        hint: "Il codice di 17 cifre riportato nell'avviso.",
        missing: "Indicare il numero dell'avviso di addebito.",
        maxLength: 17,
        pattern: { regex: /^\d{17}$/, message: "Il numero dell'avviso di addebito è composto da 17 cifre." },
      },
      {
        type: "euro",
        name: "importo",
        label: "Importo di cui chiedi lo sgravio",
        hint: "In euro: ad esempio 3.100,00.",
        missing: "Indicare l'importo di cui si chiede lo sgravio.",
        minCents: 1,
      },
      period("Periodo a cui si riferisce l'avviso", "Dal mese al mese, nel formato MM/AAAA."),
    ],
    reason: { label: "Motivi dello sgravio", hint: "Spiega perché l'importo non è dovuto, in tutto o in parte." },
    attachments: { required: false, hint: "Puoi allegare l'avviso di addebito e le ricevute dei pagamenti già fatti." },
  },
];

export function findInstanceKind(slug: string): InstanceKind | undefined {
  return instanceKinds.find((kind) => kind.slug === slug);
}

/** The form controls of a field: two for a period. */
export function controlNames(field: InstanceField): string[] {
  return field.type === "period" ? [`${field.name}Dal`, `${field.name}Al`] : [field.name];
}
