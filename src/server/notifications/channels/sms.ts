import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { DeliveryError, type ChannelSender, type OutgoingMessage } from "./types";

const TWILIO_API = "https://api.twilio.com";

/**
 * Twilio's HTTP client, pointed at another base URL (TWILIO_API_URL: a
 * stand-in for Twilio's API in tests, or a proxy). Twilio's paths are kept.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 30_000 });
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    const uri = options.uri.startsWith(TWILIO_API)
      ? `${this.baseUrl.replace(/\/+$/, "")}${options.uri.slice(TWILIO_API.length)}`
      : options.uri;
    return super.request<TData>({ ...options, uri });
  }
}

type TwilioFailure = Error & { status?: number; code?: number };

/**
 * Twilio refusing the message (4xx: an invalid or unreachable number, a
 * sender not allowed) is final, except a refused login or too many requests;
 * a 5xx or no answer may pass: pg-boss tries again.
 */
export function classifyTwilioFailure(error: unknown): DeliveryError {
  const failure = (error instanceof Error ? error : new Error(String(error))) as TwilioFailure;
  const detail = [failure.status, failure.code, failure.message]
    .filter((part) => part !== undefined && part !== "")
    .join(" ")
    .slice(0, 500);
  const status = failure.status ?? 0;
  if (status >= 400 && status < 500 && ![401, 403, 429].includes(status)) {
    return new DeliveryError(true, "Il numero di cellulare è stato rifiutato dal servizio SMS.", detail);
  }
  return new DeliveryError(false, "Il servizio SMS non è raggiungibile.", detail);
}

/**
 * Sends SMS with the twilio client. `from` is a number (+39…), an
 * alphanumeric sender or a Messaging Service SID (MG…). Twilio reports the
 * delivery to `statusCallback` (src/app/api/notifiche/twilio/stato).
 */
export function twilioSender(options: {
  accountSid: string;
  authToken: string;
  from: string;
  statusCallback: string;
  apiUrl?: string;
}): ChannelSender {
  const client = twilio(options.accountSid, options.authToken, {
    ...(options.apiUrl ? { httpClient: new RebasedRequestClient(options.apiUrl) } : { timeout: 30_000 }),
  });
  const sender = /^MG[0-9a-fA-F]{32}$/.test(options.from) ? { messagingServiceSid: options.from } : { from: options.from };
  return {
    async send(message: OutgoingMessage) {
      try {
        const sent = await client.messages.create({
          to: message.recipient,
          body: message.body,
          statusCallback: options.statusCallback,
          ...sender,
        });
        return { providerMessageId: sent.sid };
      } catch (error) {
        throw classifyTwilioFailure(error);
      }
    },
    close() {},
  };
}
