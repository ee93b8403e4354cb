import { describe, expect, it } from "vitest";
import { communications, otherHolders } from "./unread-labels";

describe("the unread alert's words", () => {
  it("count communications in Italian", () => {
    expect(communications(1)).toBe("1 comunicazione");
    expect(communications(12089)).toBe("12.089 comunicazioni");
  });

  it("call the holders not named an intermediary's clients, an employee's companies", () => {
    expect(otherHolders("INTERMEDIARIO", 1)).toBe("e un altro cliente");
    expect(otherHolders("INTERMEDIARIO", 14053)).toBe("e altri 14.053 clienti");
    expect(otherHolders("DIPENDENTE", 1)).toBe("e un'altra azienda");
    expect(otherHolders("DIPENDENTE", 3)).toBe("e altre 3 aziende");
  });
});
