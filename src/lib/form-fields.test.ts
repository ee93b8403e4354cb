import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  cleanValues,
  CONTROL_CHARACTERS_MESSAGE,
  hasForbiddenCharacters,
  isUuid,
  likeLiteral,
  optionalIsoDay,
  refineDayRanges,
  searchTerm,
  typedText,
  withoutForbiddenCharacters,
} from "./form-fields";

describe("isUuid", () => {
  it("tells an id from anything else", () => {
    expect(isUuid(randomUUID())).toBe(true);
    for (const value of ["", "non-un-id", "../../etc/passwd", `${randomUUID()}x`, 42, null]) expect(isUuid(value)).toBe(false);
  });
});

describe("optionalIsoDay", () => {
  const day = optionalIsoDay("Data non valida.");

  it("takes a calendar day, and blank as absent", () => {
    expect(day.parse("2027-02-28")).toBe("2027-02-28");
    expect(day.parse("  ")).toBeUndefined();
    expect(day.parse(undefined)).toBeUndefined();
  });

  it("refuses a day that is not on the calendar, or not a day, with its message", () => {
    for (const value of ["2027-02-30", "2027-13-01", "28/02/2027", "domani"]) {
      expect(day.safeParse(value).error?.issues[0]?.message).toBe("Data non valida.");
    }
  });
});

describe("refineDayRanges", () => {
  const schema = z
    .object({ dal: optionalIsoDay(), al: optionalIsoDay() })
    .superRefine((value, context) => refineDayRanges(value, [["dal", "al"]], context));

  it("puts a range in the wrong order at its end, and lets an open or ordered range through", () => {
    const reversed = schema.safeParse({ dal: "2026-05-02", al: "2026-05-01" });
    expect(reversed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["al"], "La data finale non può precedere quella iniziale."],
    ]);
    expect(schema.safeParse({ dal: "2026-05-01", al: "2026-05-01" }).success).toBe(true);
    expect(schema.safeParse({ dal: "2026-05-01" }).success).toBe(true);
  });
});

describe("likeLiteral", () => {
  it("escapes the LIKE wildcards and the escape character, nothing else", () => {
    expect(likeLiteral("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(likeLiteral("Rossi Mario")).toBe("Rossi Mario");
  });
});

describe("characters no field may hold", () => {
  const forbidden = ["\u0000", "\u0007", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u009F", "\uD800", "\uDFFF"];

  it("finds NUL, other control characters and lone surrogate halves, and takes them out", () => {
    for (const character of forbidden) {
      expect(hasForbiddenCharacters(`a${character}b`)).toBe(true);
      expect(withoutForbiddenCharacters(`a${character}b`)).toBe("ab");
    }
  });

  it("leaves tab, line breaks, accents, emoji and other scripts alone", () => {
    const text = "Riga uno\tcolonna\r\nRiga due\nàèìòù € 😀 Ελληνικά 日本語 \u00A0fine";
    expect(hasForbiddenCharacters(text)).toBe(false);
    expect(withoutForbiddenCharacters(text)).toBe(text);
  });

  it("cleans names and values of a whole form", () => {
    expect(cleanValues({ "te\u0000xt": "a\u0000b\uD800", email: "x@example.it" })).toEqual({ text: "ab", email: "x@example.it" });
  });
});

describe("typedText", () => {
  const text = typedText({ message: "Scrivere il testo." }).trim().min(1, "Scrivere il testo.").max(10, "Troppo lungo.");

  it("refuses control characters with the precise message, alongside any other", () => {
    expect(text.safeParse("a\u0000b").error?.issues.map((issue) => issue.message)).toEqual([CONTROL_CHARACTERS_MESSAGE]);
    expect(text.safeParse(`${"x".repeat(11)}\u0000`).error?.issues.map((issue) => issue.message)).toEqual([
      CONTROL_CHARACTERS_MESSAGE,
      "Troppo lungo.",
    ]);
  });

  it("counts a line break as one character, as the browser does while the person types", () => {
    expect(text.parse("12345\r\n789")).toBe("12345\n789");
    expect(text.parse("1\r2")).toBe("1\n2");
  });

  it("keeps its message for a missing value", () => {
    expect(text.safeParse(undefined).error?.issues[0]?.message).toBe("Scrivere il testo.");
  });
});

describe("searchTerm", () => {
  const term = searchTerm(5, "Troppo lungo.");

  it("drops control characters rather than refusing the list", () => {
    expect(term.parse("a\u0000b")).toBe("ab");
    expect(term.parse("\u0000 \u0001")).toBeUndefined();
  });

  it("takes blank as absent and refuses a term too long", () => {
    expect(term.parse("  ")).toBeUndefined();
    expect(term.safeParse("123456").error?.issues[0]?.message).toBe("Troppo lungo.");
  });
});
