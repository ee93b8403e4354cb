import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Readable, Transform, type TransformCallback, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import multer from "multer";
import { ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { FILES_FIELD } from "./files-field";
import { DigestingStream } from "./digesting-stream";
import { detectDocumentType } from "./document-types";
import { sanitizeFileName, withMatchingExtension } from "./file-names";
import { createStagingFolder } from "./staging-folders";
import { uploadMessages } from "./upload-messages";

/**
 * Multipart forms with attachments, parsed by multer while the body streams
 * in: each file goes to a temporary folder with its SHA-256 computed on the
 * way, then its type is decided from its content.
 *
 * A refused file (too many, too big, empty, not admitted, in another field)
 * does not stop the upload: its bytes are read into nothing and the rest of
 * the form is read on, so that every field and every other file arrives and
 * the person hears of every problem at once. Only what no form of ours can
 * be stops reading at once (a hard stop): a text field far beyond any of
 * ours, a body heavier than the form's files could make it, a malformed
 * body; then the temporary files are deleted and the rest of the body is
 * thrown away unread (see DISCARD_LIMIT).
 *
 * Either way an UploadRefusedError (a ValidationError) carries the field
 * messages — on the file field, the same error type for every refusal, so
 * that forms show it next to the file input — and what was received: all
 * the fields and the admitted files when the form was read to its end, the
 * fields read so far after a hard stop.
 */

export type StagedFile = {
  /** The name as sent, sanitised for display, with an extension matching the content. */
  fileName: string;
  /** Decided from the content. */
  mimeType: string;
  size: number;
  sha256: string;
  tempPath: string;
};

export type ReceivedUpload = {
  /** The first value of each text field, as FormData.get gives it. */
  fields: Record<string, string>;
  /** Every value of each text field in order, for checkbox groups sharing a name. */
  fieldValues: Record<string, string[]>;
  files: StagedFile[];
  /** Deletes the temporary files; call it once the files are persisted or given up. */
  discard(): Promise<void>;
};

/**
 * A refused upload: the field messages, and what was received (`received`).
 * When `complete`, the whole form was read: every text field, and the files
 * that passed the checks, staged until `received.discard()` — whoever catches
 * it must call it. After a hard stop (`complete` false) only the text fields
 * read so far are there, and no file. Its name stays ValidationError: to the
 * person and to API clients it is one.
 */
export class UploadRefusedError extends ValidationError {
  constructor(
    fieldErrors: FieldErrors,
    readonly received: ReceivedUpload,
    readonly complete: boolean,
  ) {
    super(fieldErrors);
  }

  /** The first value of each text field received. */
  get fields(): Record<string, string> {
    return this.received.fields;
  }
}

export type UploadLimits = {
  maxFiles: number;
  maxBytesPerFile: number;
  /** The form's file input; FILES_FIELD unless told. */
  fileField?: string;
};

/** Our forms' text fields are a few thousand characters at most. */
const FIELD_LIMITS = { fields: 100, fieldSize: 64 * 1024, fieldNameSize: 100 };
/**
 * What a form may weigh beyond its files: every text field, part headers and
 * a margin for how the parser's chunks fall. A body heavier than its files
 * and this together is stopped at once.
 */
const TEXT_ALLOWANCE = 1024 * 1024;
/** File parts beyond the limit that are still read (and refused) before the upload stops. */
const EXTRA_FILE_PARTS = 10;

type Middleware = ReturnType<multer.Multer["any"]>;
type MiddlewareRequest = Parameters<Middleware>[0];
type MiddlewareResponse = Parameters<Middleware>[1];
type MulterFile = Express.Multer.File;

/** The first value of each field, as FormData.get gives it. */
function firstValues(fieldValues: Map<string, string[]>): Record<string, string> {
  return Object.fromEntries([...fieldValues].map(([name, values]) => [name, values[0] ?? ""]));
}

function isMultipartFormData(contentType: string | null): boolean {
  return contentType !== null && /^multipart\/form-data\s*;/i.test(contentType) && /;\s*boundary=/i.test(contentType);
}

/** The Web request's headers as Node's http module would give them. */
function nodeHeaders(headers: Headers): Record<string, string> {
  const result = Object.fromEntries(headers);
  // type-is, which multer asks first, only sees a body when one of these is present.
  if (!result["content-length"]) result["transfer-encoding"] = "chunked";
  return result;
}

/**
 * One upload's refusals: the messages of refused files, collected while the
 * form is read on, and the hard stop, which abandons the files still being
 * written so that multer, which waits for them before giving up, gives up at
 * once. The first hard stop is kept (it is what the person reads).
 */
class UploadRefusals {
  private readonly controller = new AbortController();
  private readonly refusedFiles: { order: number; message: string }[] = [];
  /** The position of each file part in the form, so that messages follow the files' order, not the checks' pace. */
  readonly order = new WeakMap<MulterFile, number>();
  hardStop: FieldErrors | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The messages of the refused files, in the order of the files, each once. */
  get fileMessages(): string[] {
    const messages = [...this.refusedFiles].sort((a, b) => a.order - b.order).map((refused) => refused.message);
    return [...new Set(messages)];
  }

  refuseFile(file: MulterFile, message: string): void {
    this.refusedFiles.push({ order: this.order.get(file) ?? 0, message });
  }

  stop(refusal: FieldErrors): void {
    this.hardStop ??= refusal;
    this.controller.abort();
  }
}

/** Counts a file's bytes on their way to the disk and fails past the limit. */
class FileSizeLimit extends Transform {
  private size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) callback(new FileTooLargeError());
    else callback(null, chunk);
  }
}

class FileTooLargeError extends Error {}

/**
 * Writes one file part to disk, hashing and counting as it goes, then checks
 * what it is; null when the file is refused (its message is in `refusals`,
 * the rest of its bytes read into nothing). The part's stream is never
 * destroyed: the parser waits on it.
 */
async function stageFile(
  file: MulterFile,
  directory: string,
  limits: Required<UploadLimits>,
  refusals: UploadRefusals,
): Promise<StagedFile | null> {
  const fileName = sanitizeFileName(file.originalname);
  const tempPath = path.join(directory, randomUUID());
  const digest = new DigestingStream();
  const sizeLimit = new FileSizeLimit(limits.maxBytesPerFile);
  file.stream.once("error", (error) => sizeLimit.destroy(error));
  file.stream.pipe(sizeLimit);
  const refuse = async (message: string) => {
    refusals.refuseFile(file, message);
    await rm(tempPath, { force: true });
    return null;
  };
  try {
    await pipeline(sizeLimit, digest, createWriteStream(tempPath, { flags: "wx" }), { signal: refusals.signal });
  } catch (error) {
    file.stream.unpipe(sizeLimit);
    file.stream.resume();
    if (error instanceof FileTooLargeError) return refuse(uploadMessages.fileTooLarge(fileName, limits.maxBytesPerFile));
    await rm(tempPath, { force: true });
    throw error;
  }
  if (digest.size === 0) return refuse(uploadMessages.emptyFile(fileName));
  const type = await detectDocumentType(tempPath, fileName);
  if (!type) return refuse(uploadMessages.notAllowed(fileName));
  return {
    fileName: withMatchingExtension(fileName, type.extensions),
    mimeType: type.mimeType,
    size: digest.size,
    sha256: digest.sha256(),
    tempPath,
  };
}

/** multer's storage engine for one upload: admitted files into its own temporary folder. */
class StagingStorage implements multer.StorageEngine {
  readonly staged = new Map<string, StagedFile>();

  constructor(
    private readonly directory: string,
    private readonly limits: Required<UploadLimits>,
    private readonly refusals: UploadRefusals,
  ) {}

  _handleFile(_request: unknown, file: MulterFile, callback: (error?: unknown, info?: Partial<MulterFile>) => void) {
    stageFile(file, this.directory, this.limits, this.refusals).then((staged) => {
      if (staged) this.staged.set(staged.tempPath, staged);
      // A refused file is handed to multer without a path: it is left out of what is received.
      callback(null, staged ? { path: staged.tempPath, size: staged.size } : { path: "", size: 0 });
    }, callback);
  }

  _removeFile(_request: unknown, file: MulterFile, callback: (error: Error | null) => void) {
    this.staged.delete(file.path);
    if (!file.path) return callback(null);
    rm(file.path, { force: true }).then(() => callback(null), callback);
  }
}

/**
 * The hard stop of what multer or the body got wrong; null for errors of the
 * server itself (disk full…), which pass through.
 */
function refusalOf(error: unknown, limits: Required<UploadLimits>): FieldErrors | null {
  const onFileField = (message: string) => ({ [limits.fileField]: [message] });
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case "LIMIT_FILE_COUNT":
        return onFileField(uploadMessages.tooManyFiles(limits.maxFiles));
      case "LIMIT_FIELD_VALUE":
        return { [error.field ?? FORM_ERRORS]: [uploadMessages.fieldTooLong] };
      default:
        return onFileField(uploadMessages.malformed);
    }
  }
  if (error instanceof Error && "syscall" in error) return null;
  // What is left comes from the body itself: cut short, malformed parts, a client that went away.
  return onFileField(uploadMessages.malformed);
}

/**
 * After a hard stop, what is left of the body is read and thrown away —
 * never parsed, never stored — so that the browser, which is still sending,
 * gets the answer (closing the connection would show it a network error
 * instead of the message). Past this much the connection is closed after all.
 */
export const DISCARD_LIMIT = 64 * 1024 * 1024;

/** Starts throwing away the rest of the body, once; see DISCARD_LIMIT. */
function discarderOf(body: Readable): () => void {
  let started = false;
  return () => {
    if (started || body.readableEnded || body.destroyed) return;
    started = true;
    body.unpipe();
    let discarded = 0;
    body.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT) body.destroy();
    });
    // unpipe paused it; a new "data" listener alone would not restart it.
    body.resume();
  };
}

/** A multipart body and its headers: a route handler passes its `Request` as it is. */
export type UploadSource = { headers: Headers; body: ReadableStream<Uint8Array> | null };

/**
 * Watches the bytes the parser is given outside file parts: the parser says
 * nothing of a text field until it ends, so a field far beyond
 * FIELD_LIMITS.fieldSize is stopped here as its bytes arrive, not once it
 * ends (for a field of a gigabyte, far too late). The count starts again at
 * every part the parser reports; chunks straddling two parts make it
 * approximate, hence the margin.
 */
function watchTextParts(source: Readable, busboy: Writable, onTooLong: () => void): void {
  const threshold = FIELD_LIMITS.fieldSize + 256 * 1024;
  let openFiles = 0;
  let textBytes = 0;
  busboy.on("field", () => {
    textBytes = 0;
  });
  busboy.on("file", (_name: string, stream: Readable) => {
    openFiles += 1;
    textBytes = 0;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      openFiles -= 1;
      textBytes = 0;
    };
    stream.once("end", close);
    stream.once("close", close);
  });
  source.on("data", (chunk: Buffer) => {
    if (openFiles > 0) return;
    textBytes += chunk.length;
    if (textBytes > threshold) onTooLong();
  });
}

/** Where a message of the whole form goes (not tied to one field). */
const FORM_ERRORS = "form";

/**
 * Parses a multipart/form-data body within the limits, keeping the files in
 * a staging folder under DATA_DIR until
 * `discard()`. Any refusal throws UploadRefusedError (see the module's
 * comment): refused files once the whole form is read, hard stops as soon as
 * the offending bytes arrive.
 */
export async function receiveUpload(request: UploadSource, uploadLimits: UploadLimits): Promise<ReceivedUpload> {
  const limits: Required<UploadLimits> = { fileField: FILES_FIELD, ...uploadLimits };
  const nothingReceived = { fields: {}, fieldValues: {}, files: [], discard: async () => {} };
  if (!isMultipartFormData(request.headers.get("content-type")) || !request.body) {
    throw new UploadRefusedError({ [limits.fileField]: [uploadMessages.notMultipart] }, nothingReceived, false);
  }

  // Pulled from the Web stream only as fast as the files reach the disk.
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const directory = await createStagingFolder("upload");
  const discard = () => rm(directory, { recursive: true, force: true });
  // What multer reads: ending it, unlike the body, lets multer report a
  // refusal at once instead of after reading the body to its end.
  const incoming = Object.assign(body.pipe(new PassThrough()), { headers: nodeHeaders(request.headers) });
  // A sender that goes away mid-upload fails the parse; later, nobody waits for the body any more.
  body.on("error", (error) => incoming.destroy(error));
  const discardRest = discarderOf(body);
  const refusals = new UploadRefusals();
  const hardStop = (refusal: FieldErrors) => {
    refusals.stop(refusal);
    incoming.destroy();
  };
  const maxBodyBytes = limits.maxFiles * limits.maxBytesPerFile + TEXT_ALLOWANCE;
  let bodyBytes = 0;
  body.on("data", (chunk: Buffer) => {
    bodyBytes += chunk.length;
    if (bodyBytes > maxBodyBytes) hardStop({ [limits.fileField]: [uploadMessages.formTooLarge(maxBodyBytes)] });
  });
  const fieldValues = new Map<string, string[]>();
  const storage = new StagingStorage(directory, limits, refusals);
  let namedFiles = 0;
  let fileParts = 0;

  const options = {
    storage,
    // A file input left blank still sends a part, empty and without a name:
    // busboy counts it as a file, multer skips it. Files beyond the limit are
    // refused here and read into nothing, up to EXTRA_FILE_PARTS more.
    limits: { ...FIELD_LIMITS, files: limits.maxFiles + 1 + EXTRA_FILE_PARTS },
    fileFilter(_request: unknown, file: MulterFile, accept: multer.FileFilterCallback) {
      refusals.order.set(file, (fileParts += 1));
      if (file.fieldname !== limits.fileField) {
        refusals.refuseFile(file, uploadMessages.unexpectedFile);
        return accept(null, false);
      }
      namedFiles += 1;
      if (namedFiles > limits.maxFiles) {
        refusals.refuseFile(file, uploadMessages.tooManyFiles(limits.maxFiles));
        return accept(null, false);
      }
      accept(null, true);
    },
    // Browsers send file names as raw UTF-8.
    defParamCharset: "utf8",
    streamHandler(source: Readable, busboy: Writable) {
      busboy.on("field", (name: string, value: string) => {
        fieldValues.set(name, [...(fieldValues.get(name) ?? []), value]);
      });
      // multer unpipes when it gives up, then would read the body to its end
      // before saying so; ending what it reads makes it say so now.
      busboy.on("unpipe", () => {
        if (!source.readableEnded) source.destroy();
      });
      source.pipe(busboy);
      // After the pipe, so that each chunk is counted once the parser has seen it.
      watchTextParts(source, busboy, () => hardStop({ [FORM_ERRORS]: [uploadMessages.fieldTooLong] }));
    },
  };
  const middleware = multer(options).any();

  let received: MulterFile[];
  try {
    received = await new Promise<MulterFile[]>((resolve, reject) => {
      middleware(incoming as unknown as MiddlewareRequest, {} as MiddlewareResponse, (error?: unknown) => {
        if (error) reject(error);
        else if (refusals.hardStop) reject(new Error("Caricamento interrotto"));
        else resolve((incoming as { files?: MulterFile[] }).files ?? []);
      });
    });
  } catch (error) {
    incoming.destroy();
    await discard();
    discardRest();
    // Files abandoned after a hard stop fail too; the stop is the one to report.
    const refusal = refusals.hardStop ?? refusalOf(error, limits);
    if (!refusal) throw error;
    const fileMessages = refusals.fileMessages.filter((message) => !refusal[limits.fileField]?.includes(message));
    const errors = fileMessages.length > 0 ? mergeMessages(refusal, limits.fileField, fileMessages) : refusal;
    throw new UploadRefusedError(
      errors,
      { ...nothingReceived, fields: firstValues(fieldValues), fieldValues: Object.fromEntries(fieldValues) },
      false,
    );
  }
  const upload: ReceivedUpload = {
    fields: firstValues(fieldValues),
    fieldValues: Object.fromEntries(fieldValues),
    files: received.flatMap((file) => storage.staged.get(file.path) ?? []),
    discard,
  };
  if (refusals.fileMessages.length > 0) {
    throw new UploadRefusedError({ [limits.fileField]: refusals.fileMessages }, upload, true);
  }
  return upload;
}

/** `errors` with `messages` added before those of `field`. */
function mergeMessages(errors: FieldErrors, field: string, messages: string[]): FieldErrors {
  return { ...errors, [field]: [...messages, ...(errors[field] ?? [])] };
}
