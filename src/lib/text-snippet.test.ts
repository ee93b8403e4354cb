import { describe, expect, it } from "vitest";
import { snippetParts } from "./text-snippet";

describe("snippetParts", () => {
  it("marks the words between the delimiters and keeps the rest as text", () => {
    expect(snippetParts("Chiedo il \u0002pagamento\u0003 del \u0002rimborso\u0003.")).toEqual([
      { text: "Chiedo il ", marked: false },
      { text: "pagamento", marked: true },
      { text: " del ", marked: false },
      { text: "rimborso", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("keeps markup as text: the page escapes it", () => {
    expect(snippetParts('<b onmouseover="x">\u0002pagamento\u0003</b>')).toEqual([
      { text: '<b onmouseover="x">', marked: false },
      { text: "pagamento", marked: true },
      { text: "</b>", marked: false },
    ]);
  });

  it("folds line breaks and drops a delimiter without its pair", () => {
    expect(snippetParts("riga\n\nseguente \u0003fine")).toEqual([{ text: "riga seguente fine", marked: false }]);
    expect(snippetParts("\u0002aperto")).toEqual([{ text: "aperto", marked: true }]);
  });
});
