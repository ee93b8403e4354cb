import { randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { normalizeVerificationCode } from "./schemas";

/**
 * The code a holder reads out to the intermediary who asked for a delegation.
 * Eight characters from an alphabet without look-alikes (0/O, 1/I/L), shown
 * as two groups of four; only an scrypt hash with its own salt is stored.
 */

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 8;
const KEY_LENGTH = 32;
const derive = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export function generateVerificationCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** "ABCD-EFGH", for reading out. */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, LENGTH / 2)}-${code.slice(LENGTH / 2)}`;
}

export async function hashVerificationCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(code, salt, KEY_LENGTH);
  return `scrypt$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

export async function verificationCodeMatches(typed: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(normalizeVerificationCode(typed), Buffer.from(salt, "base64url"), expected.length);
  return timingSafeEqual(actual, expected);
}
