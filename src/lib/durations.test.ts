import { describe, expect, it } from "vitest";
import { formatDuration, formatDurationInWords, hoursFigure } from "./durations";

describe("durations", () => {
  it.each([
    [0, "0 min", "0 minuti"],
    [60, "1 min", "1 minuto"],
    [59 * 60, "59 min", "59 minuti"],
    [3600, "1 h", "1 ora"],
    [5 * 3600 + 20 * 60, "5 h", "5 ore"],
    [24 * 3600, "1 g", "1 giorno"],
    [52 * 3600, "2 g 4 h", "2 giorni e 4 ore"],
    [(47 * 60 + 40) * 60, "2 g", "2 giorni"],
    [25 * 3600, "1 g 1 h", "1 giorno e 1 ora"],
  ])("%i seconds: %s, %s", (seconds, short, words) => {
    expect(formatDuration(seconds)).toBe(short);
    expect(formatDurationInWords(seconds)).toBe(words);
  });

  it("gives hours with one decimal and a decimal comma, without grouping", () => {
    expect(hoursFigure(91.6 * 3600)).toBe("91,6");
    expect(hoursFigure(1234 * 3600)).toBe("1234,0");
  });
});
