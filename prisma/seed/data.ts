import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DelegationKind, DelegationStatus, Gestione, OperatorRole, QuestionnaireKind } from "@/generated/prisma/enums";
import { codiceFiscaleError, codiceFiscaleSchema } from "@/lib/codice-fiscale";
import { questionsSchema } from "@/server/questionnaires/schemas";

/**
 * Loader of the seed's JSON files (prisma/seed/data/), which administrators may
 * edit: every file is validated, and so are the references between them, with
 * errors naming the file and the entry.
 */

export const SEED_DATA_DIR = fileURLToPath(new URL("./data/", import.meta.url));

const text = z.string().trim().min(1, "Il campo non può essere vuoto");
const province = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "La sigla di provincia deve essere di 2 lettere");
const email = z.email("Indirizzo e-mail non valido");
const phone = z.string().regex(/^\+?\d{6,15}$/, "Il numero di telefono deve contenere solo cifre, con + facoltativo");
const date = z.iso.date("La data deve essere nel formato AAAA-MM-GG").transform((value) => new Date(`${value}T00:00:00.000Z`));
const positionRef = z.strictObject({ gestione: z.enum(Gestione), matricola: text.toUpperCase() });

const officeSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/, "Il codice AOO deve essere di 4 cifre"),
  name: text,
  region: text,
  city: text,
  /** The office's postal address (the office form requires one). */
  address: text,
  provinces: z.array(province).min(1, "Indicare almeno una provincia"),
});

/** The office's time to answer, in working days (B4). */
const responseWorkingDays = z.int().min(1, "Almeno un giorno lavorativo").max(365, "Al massimo 365 giorni lavorativi");

const gestioneSchema = z.strictObject({
  gestione: z.enum(Gestione),
  label: text,
  maxFiles: z.int().min(1, "Consentire almeno un file").max(20, "Al massimo 20 file"),
  maxBytesPerFile: z.int().min(1024, "Almeno 1024 byte per file"),
  pecRequired: z.boolean(),
  emailOrPhoneRequired: z.boolean(),
  maxResponseWorkingDays: responseWorkingDays,
});

const subjectSchema = z.strictObject({
  code: text,
  label: text,
  /** Only where the subject's time to answer differs from its gestione's (B4). */
  maxResponseWorkingDays: responseWorkingDays.optional(),
});
const areaSchema = z.strictObject({
  code: text,
  label: text,
  children: z.array(subjectSchema).min(1, "Ogni area deve avere almeno un oggetto di secondo livello"),
});

const contactsSchema = z.strictObject({
  email: email.optional(),
  pec: email.optional(),
  mobile: phone.optional(),
  landline: phone.optional(),
  fax: phone.optional(),
});

const personSchema = z.strictObject({
  codiceFiscale: codiceFiscaleSchema,
  givenName: text,
  familyName: text,
  /** Free description for whoever edits the file; not stored. */
  note: z.string().optional(),
  /** What the archives hold for the person, and for each of their positions unless the position has its own. */
  contacts: contactsSchema,
  positions: z.array(positionRef.extend({ denominazione: text, province, contacts: contactsSchema.optional() })),
});

const delegationSchema = z.strictObject({
  id: z.uuid("L'id della delega deve essere un UUID"),
  kind: z.enum(DelegationKind),
  status: z.enum(DelegationStatus),
  holder: codiceFiscaleSchema,
  delegate: codiceFiscaleSchema,
  validFrom: date,
  validTo: date.nullable(),
  scope: z.array(positionRef).min(1, "La delega deve riguardare almeno una posizione"),
});

const operatorSchema = z.strictObject({
  codiceFiscale: codiceFiscaleSchema,
  givenName: text,
  familyName: text,
  email,
  role: z.enum(OperatorRole),
  office: z.string().regex(/^\d{4}$/, "Indicare il codice AOO (4 cifre) della sede"),
});

/** One key per file. */
/** A questionnaire campaign and its questions (F16, decision 0039). */
const questionnaireSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9-]{1,60}$/, "Il codice è di minuscole, cifre e trattini, al massimo 60"),
    kind: z.enum(QuestionnaireKind),
    title: text,
    intro: text,
    opensOn: date,
    closesOn: date.optional(),
    questions: questionsSchema,
  })
  .refine((campaign) => !campaign.closesOn || campaign.closesOn >= campaign.opensOn, {
    path: ["closesOn"],
    message: "L'ultimo giorno non può precedere il primo",
  });

const filesSchema = z.strictObject({
  offices: z.array(officeSchema).min(1, "Indicare almeno una sede"),
  gestioni: z.array(gestioneSchema),
  subjects: z.record(z.enum(Gestione), z.array(areaSchema).min(1, "Indicare almeno un'area")),
  people: z.strictObject({ people: z.array(personSchema), delegations: z.array(delegationSchema) }),
  operators: z.array(operatorSchema),
  questionnaires: z.array(questionnaireSchema),
});

export type SeedData = z.output<typeof filesSchema>;

/**
 * Matricola formats of the demo data: Aziende, the 10-digit matricola INPS (sede
 * code and progressive); Artigiani e Commercianti, a codice posizione of 10 digits
 * followed by AR (artigiani) or CO (commercianti); Gestione Separata, the codice
 * fiscale of the professionista or of the committente.
 */
const MATRICOLA_RULES: Record<Gestione, (matricola: string) => string | null> = {
  AZIENDE: (m) => (/^\d{10}$/.test(m) ? null : "La matricola aziendale deve essere di 10 cifre"),
  ARTIGIANI_COMMERCIANTI: (m) => (/^\d{10}(AR|CO)$/.test(m) ? null : "Il codice posizione deve essere di 10 cifre seguite da AR o CO"),
  GS_COMMITTENTI: codiceFiscaleError,
  GS_PROFESSIONISTI: codiceFiscaleError,
};

/** Identifies a position across the files: "GESTIONE matricola". */
export const positionKey = (ref: { gestione: Gestione; matricola: string }) => `${ref.gestione} ${ref.matricola}`;

type Problem = { path: PropertyKey[]; message: string };

/** Checks spanning entries and files: uniqueness, references, formats that depend on the gestione. */
function checkReferences(data: SeedData): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: PropertyKey[], message: string) => problems.push({ path, message });

  const officeOfProvince = new Map<string, string>();
  const officeCodes = new Set<string>();
  data.offices.forEach((office, index) => {
    if (officeCodes.has(office.code)) fail(["offices", index, "code"], `Codice AOO ${office.code} ripetuto`);
    officeCodes.add(office.code);
    office.provinces.forEach((sigla, p) => {
      const other = officeOfProvince.get(sigla);
      if (other) fail(["offices", index, "provinces", p], `La provincia ${sigla} è già assegnata alla sede ${other}`);
      officeOfProvince.set(sigla, office.code);
    });
  });

  const gestioni = data.gestioni.map((settings) => settings.gestione);
  for (const gestione of Object.values(Gestione)) {
    const count = gestioni.filter((g) => g === gestione).length;
    if (count !== 1) fail(["gestioni"], `La gestione ${gestione} deve comparire una volta (trovata ${count} volte)`);
  }

  for (const gestione of Object.values(Gestione)) {
    const codes = new Set<string>();
    data.subjects[gestione].forEach((area, a) => {
      [area, ...area.children].forEach((subject, c) => {
        const path = c === 0 ? ["subjects", gestione, a, "code"] : ["subjects", gestione, a, "children", c - 1, "code"];
        if (codes.has(subject.code)) fail(path, `Codice oggetto ${subject.code} ripetuto nella gestione`);
        codes.add(subject.code);
      });
    });
  }

  const holderOfPosition = new Map<string, string>();
  const people = new Set<string>();
  data.people.people.forEach((person, index) => {
    const path = ["people", "people", index];
    if (people.has(person.codiceFiscale)) fail([...path, "codiceFiscale"], "Codice fiscale ripetuto");
    people.add(person.codiceFiscale);
    person.positions.forEach((position, p) => {
      const key = positionKey(position);
      const matricolaError = MATRICOLA_RULES[position.gestione](position.matricola);
      if (matricolaError) fail([...path, "positions", p, "matricola"], matricolaError);
      if (holderOfPosition.has(key)) fail([...path, "positions", p], `Posizione ${key} ripetuta`);
      holderOfPosition.set(key, person.codiceFiscale);
      if (!officeOfProvince.has(position.province)) {
        fail([...path, "positions", p, "province"], `Nessuna sede è competente per ${position.province}`);
      }
    });
  });

  const delegationIds = new Set<string>();
  data.people.delegations.forEach((delegation, index) => {
    const path = ["people", "delegations", index];
    if (delegationIds.has(delegation.id)) fail([...path, "id"], "Id della delega ripetuto");
    delegationIds.add(delegation.id);
    if (!people.has(delegation.holder)) fail([...path, "holder"], "Il titolare non è tra le persone");
    if (!people.has(delegation.delegate)) fail([...path, "delegate"], "Il delegato non è tra le persone");
    if (delegation.holder === delegation.delegate) fail([...path, "delegate"], "Il delegato coincide con il titolare");
    if (delegation.validTo && delegation.validTo <= delegation.validFrom) {
      fail([...path, "validTo"], "La fine della validità deve seguire l'inizio");
    }
    delegation.scope.forEach((ref, s) => {
      const holder = holderOfPosition.get(positionKey(ref));
      if (!holder) fail([...path, "scope", s], `Posizione ${positionKey(ref)} inesistente`);
      else if (holder !== delegation.holder) fail([...path, "scope", s], "La posizione non è del titolare");
    });
  });

  const operators = new Set<string>();
  data.operators.forEach((operator, index) => {
    if (operators.has(operator.codiceFiscale)) fail(["operators", index, "codiceFiscale"], "Codice fiscale ripetuto");
    operators.add(operator.codiceFiscale);
    if (!officeCodes.has(operator.office)) fail(["operators", index, "office"], `Sede ${operator.office} inesistente`);
  });
  return problems;
}

export class SeedDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Dati iniziali non validi:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "SeedDataError";
  }
}

/** Reads and validates the seed's JSON files; throws SeedDataError listing every problem. */
export function loadSeedData(dir: string = SEED_DATA_DIR): SeedData {
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(filesSchema.shape)) {
    const file = `${name}.json`;
    let content: string;
    try {
      content = readFileSync(join(dir, file), "utf8");
    } catch {
      throw new SeedDataError([`${file}: file non trovato in ${dir}`]);
    }
    try {
      raw[name] = JSON.parse(content);
    } catch (error) {
      throw new SeedDataError([`${file}: JSON non valido (${(error as Error).message})`]);
    }
  }
  const invalid = (problems: Problem[]) => new SeedDataError(problems.map((problem) => describe(raw, problem)));
  const result = filesSchema.safeParse(raw, { error: z.locales.it().localeError });
  if (!result.success) throw invalid(result.error.issues);
  const problems = checkReferences(result.data);
  if (problems.length > 0) throw invalid(problems);
  return result.data;
}

/** "people.json › delegations[1] (01936b2a-…) › validTo: message": file, outermost named entry, field. */
function describe(raw: Record<string, unknown>, problem: Problem): string {
  const [file, ...path] = problem.path;
  let node: unknown = raw[String(file)];
  let entryLength = 0;
  let entryName = "";
  for (const [index, key] of path.entries()) {
    node = node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const name = identify(node);
    if (name) {
      [entryLength, entryName] = [index + 1, name];
      break;
    }
  }
  const parts = [`${String(file)}.json`];
  if (entryLength > 0) parts.push(`${formatPath(path.slice(0, entryLength))} (${entryName})`);
  if (path.length > entryLength) parts.push(formatPath(path.slice(entryLength)));
  return `${parts.join(" › ")}: ${problem.message}`;
}

function identify(node: unknown): string | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const entry = node as Record<string, unknown>;
  const name = entry.code ?? entry.codiceFiscale ?? entry.id ?? entry.gestione;
  return typeof name === "string" ? name : undefined;
}

function formatPath(path: PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index > 0 ? "." : ""}${String(key)}`)).join("");
}
