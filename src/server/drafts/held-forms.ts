import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { FormDraftPurpose } from "@/generated/prisma/enums";
import { receiveUpload, UploadRefusedError, type StagedFile, type UploadSource } from "@/server/attachments/receive-upload";
import { getConfig } from "@/server/config";
import { logger } from "@/server/logger";
import { DRAFT_LIFETIME_MS, keptValues } from "./form-drafts";
import { DRAFT_FIELD, draftReferenceSchema, KEPT_FILES_FIELD } from "./schemas";

/**
 * Forms kept while the database is unavailable (docs/decisions/0011). A
 * draft lives in the database, which is exactly what failed; so a form that
 * could not be registered — what was typed and the files received — is kept
 * on disk, under `DATA_DIR/held-forms/<id>/` (shared by every instance, like
 * the stored files), for as long as a draft. The person gets a page with it
 * filled in that posts it again with `riserva=<reference>`; the reference is
 * the id signed with AUTH_SECRET for its owner, so that nobody else can use
 * it and nothing but our own ids is ever looked up on disk. Once the form is
 * sent (or kept as an ordinary draft, the database being back) its folder
 * goes.
 */

/**
 * Limits of an upload received while the gestione's own limits cannot be
 * read: generous, since the service checks the gestione's limits again when
 * the form is sent.
 */
export const HELD_UPLOAD_LIMITS = { maxFiles: 10, maxBytesPerFile: 20 * 1024 * 1024 };

/** Expired holds removed at each new one, so that the clean-up never weighs on one request. */
const PURGE_BATCH = 50;
const MANIFEST = "form.json";
const REFERENCE_PATTERN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/** The contributors' forms that are held on disk while the database is unavailable (the office's reply is not: decision 0019). */
export const HELD_FORM_PURPOSES = ["NUOVA_RICHIESTA", "MESSAGGIO_RICHIESTA", "ISTANZA"] as const satisfies readonly FormDraftPurpose[];
export type HeldFormPurpose = (typeof HELD_FORM_PURPOSES)[number];

export function isHeldFormPurpose(purpose: FormDraftPurpose): purpose is HeldFormPurpose {
  return (HELD_FORM_PURPOSES as readonly FormDraftPurpose[]).includes(purpose);
}

const manifestSchema = z.object({
  ownerPersonId: z.string(),
  purpose: z.enum(HELD_FORM_PURPOSES),
  /** The position (new request), the request (message), or the kind and position (istanza) the form was posted for. */
  target: z.string(),
  values: z.record(z.string(), z.string()),
  draftId: z.string().nullable(),
  keptKeys: z.array(z.string()),
  files: z.array(z.object({ fileName: z.string(), mimeType: z.string(), size: z.number(), sha256: z.string(), name: z.string() })),
  expiresAt: z.iso.datetime(),
});

export type HeldForm = {
  reference: string;
  purpose: HeldFormPurpose;
  target: string;
  values: Record<string, string>;
  /** The database draft the form came from and the tokens of its files kept ticked: sent again as they were. */
  draftId: string | null;
  keptKeys: string[];
  /** The files received, staged inside the hold's folder. */
  files: StagedFile[];
};

export type HoldInput = {
  purpose: HeldFormPurpose;
  target: string;
  /** The form's text fields as submitted; only the form's own are kept. */
  values: Record<string, string>;
  /** The database draft named by the form's address, and the tokens of its files the person kept ticked. */
  draftId?: string;
  keptKeys: string[];
  files: StagedFile[];
};

function heldFormsRoot(): string {
  return path.resolve(getConfig().DATA_DIR, "held-forms");
}

function signature(id: string, ownerPersonId: string): string {
  const secret = getConfig().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET mancante: serve a firmare i moduli conservati.");
  return createHmac("sha256", secret).update(`held-form:${id}:${ownerPersonId}`).digest("base64url");
}

/** Removes a batch of expired holds; a hold that cannot be read is left to the next pass once it is old. */
async function purgeExpiredHolds(now: Date): Promise<void> {
  const root = heldFormsRoot();
  const ids = (await readdir(root).catch(() => [])).slice(0, PURGE_BATCH * 4);
  let purged = 0;
  for (const id of ids) {
    if (purged >= PURGE_BATCH) return;
    const folder = path.join(root, id);
    const manifest = await readFile(path.join(folder, MANIFEST), "utf8").then(
      (text) => manifestSchema.safeParse(JSON.parse(text)),
      () => null,
    );
    const expired = manifest?.success
      ? new Date(manifest.data.expiresAt) <= now
      : (await stat(folder)).mtimeMs + DRAFT_LIFETIME_MS <= now.getTime();
    if (expired) {
      await rm(folder, { recursive: true, force: true });
      purged++;
    }
  }
}

/**
 * Keeps a form that could not be registered: its own fields, the draft
 * reference it carried, and a copy of each file (the staged files stay
 * where they are, for their owner to discard). All or nothing.
 */
export async function holdForm(ownerPersonId: string, input: HoldInput, now = new Date()): Promise<HeldForm> {
  const id = randomUUID();
  const folder = path.join(heldFormsRoot(), id);
  const reference = draftReferenceSchema.parse({ [DRAFT_FIELD]: input.draftId, [KEPT_FILES_FIELD]: input.keptKeys });
  await mkdir(folder, { recursive: true });
  try {
    const files = await Promise.all(
      input.files.map(async (file, index) => {
        const name = `file-${index}`;
        await copyFile(file.tempPath, path.join(folder, name));
        return { fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, name };
      }),
    );
    const manifest: z.infer<typeof manifestSchema> = {
      ownerPersonId,
      purpose: input.purpose,
      target: input.target,
      values: keptValues(input.purpose, input.values),
      draftId: reference.bozza ?? null,
      keptKeys: reference.conservati,
      files,
      expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS).toISOString(),
    };
    // Written whole, then renamed: a crash never leaves a half manifest.
    await writeFile(path.join(folder, `${MANIFEST}.partial`), JSON.stringify(manifest), { flag: "wx" });
    await rename(path.join(folder, `${MANIFEST}.partial`), path.join(folder, MANIFEST));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  logger.warn({ heldFormId: id, purpose: input.purpose }, "Database non disponibile: modulo conservato su disco");
  await purgeExpiredHolds(now).catch((error: unknown) => logger.warn({ err: error }, "Pulizia dei moduli conservati non riuscita"));
  const held = await readHeldForm(ownerPersonId, `${id}.${signature(id, ownerPersonId)}`, now);
  if (!held) throw new Error("Modulo conservato illeggibile subito dopo la scrittura.");
  return held;
}

/**
 * Reads the body of a form posted while the database is unavailable (before
 * anything could be checked) and keeps it, with the files of the held form
 * it was posted from (`heldReference`), which it replaces. A refused upload
 * keeps the text fields that arrived.
 */
export async function receiveAndHoldForm(
  ownerPersonId: string,
  body: UploadSource,
  input: Pick<HoldInput, "purpose" | "target" | "draftId"> & { heldReference?: string },
): Promise<HeldForm> {
  const { heldReference, ...target } = input;
  const previous = heldReference ? await readHeldForm(ownerPersonId, heldReference) : null;
  const previousFiles = previous?.files ?? [];
  const outcome = await receiveUpload(body, HELD_UPLOAD_LIMITS).catch((error: unknown) => {
    if (!(error instanceof UploadRefusedError)) throw error;
    return error;
  });
  // A refused upload read to its end still has its admitted files; after a hard stop, only the text fields that arrived.
  const received = outcome instanceof UploadRefusedError ? (outcome.complete ? outcome.received : null) : outcome;
  let held: HeldForm;
  try {
    held = await holdForm(ownerPersonId, {
      ...target,
      values: outcome.fields,
      keptKeys: received ? (received.fieldValues[KEPT_FILES_FIELD] ?? []) : (previous?.keptKeys ?? []),
      files: [...previousFiles, ...(received?.files ?? [])],
    });
  } finally {
    await received?.discard();
  }
  if (previous) await releaseHeldForm(previous);
  return held;
}

/** The owner's unexpired hold that `reference` names, or null (forged, someone else's, expired, gone). */
export async function readHeldForm(ownerPersonId: string, reference: string, now = new Date()): Promise<HeldForm | null> {
  const match = REFERENCE_PATTERN.exec(reference);
  if (!match) return null;
  const [, id = "", signed = ""] = match;
  const expected = Buffer.from(signature(id, ownerPersonId));
  if (expected.length !== Buffer.from(signed).length || !timingSafeEqual(expected, Buffer.from(signed))) return null;
  const folder = path.join(heldFormsRoot(), id);
  const parsed = await readFile(path.join(folder, MANIFEST), "utf8").then(
    (text) => manifestSchema.safeParse(JSON.parse(text)),
    () => null,
  );
  if (!parsed?.success || parsed.data.ownerPersonId !== ownerPersonId || new Date(parsed.data.expiresAt) <= now) return null;
  const manifest = parsed.data;
  return {
    reference,
    purpose: manifest.purpose,
    target: manifest.target,
    values: manifest.values,
    draftId: manifest.draftId,
    keptKeys: manifest.keptKeys,
    files: manifest.files.map(({ name, ...file }) => ({ ...file, tempPath: path.join(folder, name) })),
  };
}

/** Deletes a hold that has been used; a failure is only logged (the expiry clean-up removes it later). */
export async function releaseHeldForm(held: HeldForm): Promise<void> {
  const [id] = held.reference.split(".");
  if (!id) return;
  await rm(path.join(heldFormsRoot(), id), { recursive: true, force: true }).catch((error: unknown) => {
    logger.error({ err: error, id }, "Modulo conservato non eliminato");
  });
}
