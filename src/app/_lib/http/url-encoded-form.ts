import { LimitExceededError, ValidationError } from "@/server/errors/domain-errors";

/**
 * A small `application/x-www-form-urlencoded` body, read up to `maxBytes`:
 * another kind of body is refused (ValidationError) and a larger one is not
 * read to its end (LimitExceededError), each with the caller's Italian message.
 */
export async function readUrlEncodedForm(
  request: Request,
  limits: { maxBytes: number; notAForm: string; tooLarge: string },
): Promise<Record<string, string>> {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new ValidationError({}, limits.notAForm);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw new LimitExceededError(limits.tooLarge);
    }
    chunks.push(value);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}
