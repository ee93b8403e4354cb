/** SMS are sent in the GSM 03.38 alphabet: one message holds 160 of its characters. */
export const SMS_MAX_LENGTH = 160;

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Characters of the extension table, which take two places each. */
const GSM_EXTENSION = "\f^{}\\[~]|€";

/** Length in GSM 03.38 characters, or null when the text needs another alphabet (UCS-2, 70 per message). */
export function gsmLength(text: string): number | null {
  let length = 0;
  for (const character of text) {
    if (GSM_BASIC.includes(character)) length += 1;
    else if (GSM_EXTENSION.includes(character)) length += 2;
    else return null;
  }
  return length;
}

function fits(text: string): boolean {
  const length = gsmLength(text);
  return length !== null && length <= SMS_MAX_LENGTH;
}

/**
 * "INPS: <sentence> <link>": the request's link when the whole fits one SMS,
 * else the shorter link to the list of requests, else the sentence alone (a
 * very long PUBLIC_URL). The sentence names only the protocol number.
 */
export function smsText(sentence: string, params: { requestUrl: string; listUrl: string }): string {
  const candidates = [`INPS: ${sentence} ${params.requestUrl}`, `INPS: ${sentence} ${params.listUrl}`];
  return candidates.find(fits) ?? `INPS: ${sentence}`;
}
