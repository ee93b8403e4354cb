import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Readable, type Writable } from "node:stream";
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
 * way, then its type is decided from its content. The first problem stops the
 * upload at once: nothing more is parsed or written, every temporary file is
 * deleted, the rest of the body is thrown away unread (see DISCARD_LIMIT), and
 * an UploadRefusedError (a ValidationError) names the file field with one
 * Italian message — the same error type for every refusal (too many, too big,
 * empty, not admitted, not a multipart form), so that forms show it next to
 * the file input — and carries the text fields read before the refusal.
 *
 * Forms put their file input last: browsers send the fields in the order of
 * the form, so every text field has arrived by the time a file is refused,
 * and the form can come back with everything that was typed.
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
 * A refused upload: the field messages, and the first value of each text
 * field that arrived before the refusal (all of them when the form puts its
 * file input last). The staged files are already deleted. Its name stays
 * ValidationError: to the person and to API clients it is one.
 */
export class UploadRefusedError extends ValidationError {
  constructor(
    fieldErrors: FieldErrors,
    readonly fields: Record<string, string>,
  ) {
    super(fieldErrors);
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

type Middleware = ReturnType<multer.Multer["array"]>;
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
 * One upload's stop switch: the first refusal is kept (it is what the person
 * reads), and the files still being written are abandoned, so that multer,
 * which waits for them before giving up, gives up at once.
 */
class UploadStop {
  private readonly controller = new AbortController();
  refusal: FieldErrors | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(refusal: FieldErrors): void {
    this.refusal ??= refusal;
    this.controller.abort();
  }
}

/** Writes one file part to disk, hashing and counting as it goes, then checks what it is. */
async function stageFile(
  file: MulterFile,
  directory: string,
  limits: Required<UploadLimits>,
  upload: UploadStop,
): Promise<StagedFile> {
  const fileName = sanitizeFileName(file.originalname);
  // What is thrown only ends this file; what the person reads is the upload's refusal.
  const refuse = (message: string) => {
    const refusal = { [limits.fileField]: [message] };
    upload.stop(refusal);
    return new ValidationError(refusal);
  };
  const tempPath = path.join(directory, randomUUID());
  const digest = new DigestingStream();
  // busboy stops the part one byte past the limit and says so: stop writing at once.
  file.stream.once("limit", () => refuse(uploadMessages.fileTooLarge(fileName, limits.maxBytesPerFile)));
  try {
    await pipeline(file.stream, digest, createWriteStream(tempPath, { flags: "wx" }), { signal: upload.signal });
    if (digest.size === 0) throw refuse(uploadMessages.emptyFile(fileName));
    const type = await detectDocumentType(tempPath, fileName);
    if (!type) throw refuse(uploadMessages.notAllowed(fileName));
    return {
      fileName: withMatchingExtension(fileName, type.extensions),
      mimeType: type.mimeType,
      size: digest.size,
      sha256: digest.sha256(),
      tempPath,
    };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** multer's storage engine for one upload: files into its own temporary folder. */
class StagingStorage implements multer.StorageEngine {
  readonly staged = new Map<string, StagedFile>();

  constructor(
    private readonly directory: string,
    private readonly limits: Required<UploadLimits>,
    private readonly upload: UploadStop,
  ) {}

  _handleFile(_request: unknown, file: MulterFile, callback: (error?: unknown, info?: Partial<MulterFile>) => void) {
    stageFile(file, this.directory, this.limits, this.upload).then((staged) => {
      this.staged.set(staged.tempPath, staged);
      callback(null, { path: staged.tempPath, size: staged.size });
    }, callback);
  }

  _removeFile(_request: unknown, file: MulterFile, callback: (error: Error | null) => void) {
    this.staged.delete(file.path);
    rm(file.path, { force: true }).then(() => callback(null), callback);
  }
}

/**
 * The refusal of what multer or the body got wrong (a file's content and size
 * are refused by stageFile); null for errors of the server itself (disk full…),
 * which pass through.
 */
function refusalOf(error: unknown, limits: Required<UploadLimits>): FieldErrors | null {
  const onFileField = (message: string) => ({ [limits.fileField]: [message] });
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case "LIMIT_FILE_COUNT":
        return onFileField(uploadMessages.tooManyFiles(limits.maxFiles));
      case "LIMIT_UNEXPECTED_FILE":
        return onFileField(uploadMessages.unexpectedFile);
      case "LIMIT_FIELD_VALUE":
        return { [error.field ?? limits.fileField]: [uploadMessages.fieldTooLong] };
      default:
        return onFileField(uploadMessages.malformed);
    }
  }
  if (error instanceof Error && "syscall" in error) return null;
  // What is left comes from the body itself: cut short, malformed parts, a client that went away.
  return onFileField(uploadMessages.malformed);
}

/**
 * After a refusal, what is left of the body is read and thrown away — never
 * parsed, never stored — so that the browser, which is still sending, gets
 * the answer (closing the connection would show it a network error instead
 * of the message). Past this much the connection is closed after all.
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
 * Parses a multipart/form-data body within the limits, keeping the files in a
 * temporary folder until `discard()`. Refusals throw
 * UploadRefusedError({ [fileField]: [message] }, fields) as soon as the
 * offending bytes arrive, without waiting for the rest.
 */
export async function receiveUpload(request: UploadSource, uploadLimits: UploadLimits): Promise<ReceivedUpload> {
  const limits: Required<UploadLimits> = { fileField: FILES_FIELD, ...uploadLimits };
  if (!isMultipartFormData(request.headers.get("content-type")) || !request.body) {
    throw new UploadRefusedError({ [limits.fileField]: [uploadMessages.notMultipart] }, {});
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
  const upload = new UploadStop();
  const fieldValues = new Map<string, string[]>();
  const storage = new StagingStorage(directory, limits, upload);
  let namedFiles = 0;

  const options = {
    storage,
    // A file input left blank still sends a part, empty and without a name:
    // busboy counts it as a file, multer skips it. So busboy leaves room for
    // it, and the limit is kept on the files that have a name.
    limits: { ...FIELD_LIMITS, files: limits.maxFiles + 1, fileSize: limits.maxBytesPerFile },
    fileFilter(_request: unknown, _file: MulterFile, accept: multer.FileFilterCallback) {
      namedFiles += 1;
      if (namedFiles > limits.maxFiles) accept(new multer.MulterError("LIMIT_FILE_COUNT"));
      else accept(null, true);
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
    },
  };
  const middleware = multer(options).array(limits.fileField);

  try {
    const received = await new Promise<MulterFile[]>((resolve, reject) => {
      middleware(incoming as unknown as MiddlewareRequest, {} as MiddlewareResponse, (error?: unknown) => {
        if (error) reject(error);
        else resolve((incoming as { files?: MulterFile[] }).files ?? []);
      });
    });
    const files = received.map((file) => {
      const staged = storage.staged.get(file.path);
      if (!staged) throw new Error(`File ricevuto ma non registrato: ${file.path}`);
      return staged;
    });
    return {
      fields: firstValues(fieldValues),
      fieldValues: Object.fromEntries(fieldValues),
      files,
      discard,
    };
  } catch (error) {
    incoming.destroy();
    await discard();
    discardRest();
    // Files abandoned after the first refusal fail too; the first refusal is the one to report.
    const refusal = upload.refusal ?? refusalOf(error, limits);
    if (!refusal) throw error;
    throw new UploadRefusedError(refusal, firstValues(fieldValues));
  }
}
