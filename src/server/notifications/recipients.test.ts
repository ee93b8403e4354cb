import { describe, expect, it } from "vitest";
import { maskMobile, selectRecipients, type ContactSnapshot } from "./recipients";

const all = ["EMAIL", "PEC", "SMS"] as const;

function contacts(overrides: Partial<ContactSnapshot> = {}): ContactSnapshot {
  return {
    contactEmail: "mario.rossi@example.it",
    contactPec: "mario.rossi@pec.example.it",
    contactMobile: "+393331234567",
    extraEmail: null,
    consentEmail: false,
    consentPec: false,
    consentSms: false,
    ...overrides,
  };
}

describe("selectRecipients", () => {
  it("notifies no one without consents", () => {
    expect(selectRecipients(contacts(), all)).toEqual([]);
  });

  it("follows each consent to its own contact", () => {
    expect(selectRecipients(contacts({ consentEmail: true, consentPec: true, consentSms: true }), all)).toEqual([
      { channel: "EMAIL", address: "mario.rossi@example.it" },
      { channel: "PEC", address: "mario.rossi@pec.example.it" },
      { channel: "SMS", address: "+393331234567" },
    ]);
    expect(selectRecipients(contacts({ consentPec: true }), all)).toEqual([{ channel: "PEC", address: "mario.rossi@pec.example.it" }]);
  });

  it("never sends an SMS without the SMS consent, whatever else is given", () => {
    const recipients = selectRecipients(contacts({ consentEmail: true, consentPec: true, extraEmail: "studio@example.it" }), all);
    expect(recipients.map((recipient) => recipient.channel)).not.toContain("SMS");
  });

  it("adds the extra e-mail, once", () => {
    expect(selectRecipients(contacts({ extraEmail: "studio@example.it" }), all)).toEqual([
      { channel: "EMAIL", address: "studio@example.it" },
    ]);
    expect(selectRecipients(contacts({ consentEmail: true, extraEmail: "Mario.Rossi@example.it" }), all)).toEqual([
      { channel: "EMAIL", address: "mario.rossi@example.it" },
    ]);
  });

  it("skips a consent without its contact", () => {
    expect(selectRecipients(contacts({ contactMobile: null, consentSms: true, contactEmail: null, consentEmail: true }), all)).toEqual([]);
  });

  it("uses only the channels the gestione allows", () => {
    const everything = contacts({ consentEmail: true, consentPec: true, consentSms: true, extraEmail: "studio@example.it" });
    expect(selectRecipients(everything, ["PEC"])).toEqual([{ channel: "PEC", address: "mario.rossi@pec.example.it" }]);
    expect(selectRecipients(everything, [])).toEqual([]);
  });
});

describe("maskMobile", () => {
  it("shows only the last three digits", () => {
    expect(maskMobile("+393331234567")).toBe("+39 •••••••567");
    expect(maskMobile("3331234567")).toBe("•••••••567");
  });
});
