import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/server/config";
import { NotFoundError } from "@/server/errors/domain-errors";
import { captureDirectory, capturedMessageSchema, type CapturedMessage } from "./channels/capture";

/** A captured file, or null when it is not one (half-written, edited by hand). */
async function readCaptured(file: string): Promise<CapturedMessage | null> {
  try {
    const parsed = capturedMessageSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What one address or number received, newest first. */
export type CapturedMailbox = { recipient: string; messages: CapturedMessage[] };

/** The page shows the latest messages only. */
const CAPTURED_MAIL_LIMIT = 500;

/**
 * The messages captured under DATA_DIR/mail when no SMTP server or Twilio is
 * configured, for the development page /dev/posta: the latest
 * CAPTURED_MAIL_LIMIT, grouped by recipient, the mailbox with the newest
 * message first. Outside demo mode there is no such thing (NotFoundError).
 */
export async function listCapturedMail(): Promise<CapturedMailbox[]> {
  const config = getConfig();
  if (!config.isDemo) throw new NotFoundError();
  const directory = captureDirectory(config.DATA_DIR);
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const latest = names
    .filter((name) => name.endsWith(".json") && !name.startsWith("."))
    .sort()
    .reverse()
    .slice(0, CAPTURED_MAIL_LIMIT);

  const mailboxes = new Map<string, CapturedMessage[]>();
  for (const name of latest) {
    const message = await readCaptured(path.join(directory, name));
    if (!message) continue;
    const messages = mailboxes.get(message.to) ?? [];
    messages.push(message);
    mailboxes.set(message.to, messages);
  }
  return [...mailboxes].map(([recipient, messages]) => ({ recipient, messages }));
}
