import { describe, expect, it } from "vitest";
import { classifySmtpFailure } from "./email";
import { classifyTwilioFailure } from "./sms";

const smtp = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.response ?? "errore")), fields);

describe("classifySmtpFailure", () => {
  it("takes a 5xx refusal of the recipient or message as final", () => {
    const failure = classifySmtpFailure(smtp({ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 Mailbox unavailable" }), "EMAIL");
    expect(failure).toMatchObject({ permanent: true, reason: "L'indirizzo o il messaggio è stato rifiutato dal server di posta." });
    expect(failure.detail).toBe("EENVELOPE 550 550 5.1.1 Mailbox unavailable");
  });

  it("retries a 4xx, a refused login and a server out of reach", () => {
    expect(classifySmtpFailure(smtp({ code: "EENVELOPE", responseCode: 451 }), "PEC")).toMatchObject({
      permanent: false,
      reason: "Il messaggio è stato respinto temporaneamente dal gestore della PEC.",
    });
    expect(classifySmtpFailure(smtp({ code: "EAUTH", responseCode: 535 }), "EMAIL").permanent).toBe(false);
    expect(classifySmtpFailure(smtp({ code: "ECONNECTION", message: "connect ECONNREFUSED" }), "PEC")).toMatchObject({
      permanent: false,
      reason: "Il gestore della PEC non è raggiungibile.",
    });
  });
});

describe("classifyTwilioFailure", () => {
  const twilioError = (status: number, code: number) => Object.assign(new Error("Twilio"), { status, code });

  it("takes Twilio refusing the number as final", () => {
    expect(classifyTwilioFailure(twilioError(400, 21211))).toMatchObject({
      permanent: true,
      reason: "Il numero di cellulare è stato rifiutato dal servizio SMS.",
    });
  });

  it("retries credentials, rate limits, server errors and no answer", () => {
    for (const error of [twilioError(401, 20003), twilioError(429, 20429), twilioError(503, 0), new Error("socket hang up")]) {
      expect(classifyTwilioFailure(error)).toMatchObject({ permanent: false, reason: "Il servizio SMS non è raggiungibile." });
    }
  });
});
