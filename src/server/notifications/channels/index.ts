import type { AppConfig } from "@/server/config";
import { publicLink, TWILIO_STATUS_PATH } from "../public-links";
import { captureDirectory, captureSender } from "./capture";
import { smtpSender } from "./email";
import { twilioSender } from "./sms";
import type { DeliveryChannels } from "./types";

export type { DeliveryChannels } from "./types";
export { DeliveryError } from "./types";

/** Senders used in the quick start when a channel is not configured (never in production). */
const DEMO_MAIL_FROM = "INPS Comunicazione Bidirezionale <noreply@comunicazione.inps.example>";
const DEMO_PEC_FROM = "comunicazione.bidirezionale@postacert.inps.example";
const DEMO_SMS_FROM = "INPS";

/**
 * The sender of each channel as configured: the ordinary SMTP account for
 * e-mail, the PEC provider's for PEC, Twilio for SMS; a channel without its
 * configuration is captured under DATA_DIR/mail (the worker refuses to start
 * so in production: `deliveryConfigProblems`).
 */
export function createDeliveryChannels(config: AppConfig): DeliveryChannels {
  const captured = captureDirectory(config.DATA_DIR);
  return {
    EMAIL: config.SMTP_URL
      ? smtpSender({ url: config.SMTP_URL, from: config.MAIL_FROM ?? DEMO_MAIL_FROM, channel: "EMAIL", pooling: config })
      : captureSender(captured, config.MAIL_FROM ?? DEMO_MAIL_FROM),
    PEC: config.PEC_SMTP_URL
      ? smtpSender({ url: config.PEC_SMTP_URL, from: config.PEC_FROM ?? DEMO_PEC_FROM, channel: "PEC", pooling: config })
      : captureSender(captured, config.PEC_FROM ?? DEMO_PEC_FROM),
    SMS:
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM
        ? twilioSender({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_FROM,
            statusCallback: publicLink(config.PUBLIC_URL, TWILIO_STATUS_PATH),
            ...(config.TWILIO_API_URL ? { apiUrl: config.TWILIO_API_URL } : {}),
          })
        : captureSender(captured, config.TWILIO_FROM ?? DEMO_SMS_FROM),
  };
}

export function closeDeliveryChannels(channels: DeliveryChannels): void {
  for (const sender of Object.values(channels)) sender.close();
}
