import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts the keys of nested objects, whatever order they were built in", () => {
    const one = canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: "x" } });
    const other = canonicalJson({ a: { c: "x", d: [{ y: 2, z: 1 }] }, b: 1 });
    expect(one).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
    expect(other).toBe(one);
  });

  it("writes dates as ISO strings and leaves undefined members out", () => {
    expect(canonicalJson({ at: new Date("2026-12-06T10:00:00Z"), gone: undefined, kept: null })).toBe(
      '{"at":"2026-12-06T10:00:00.000Z","kept":null}',
    );
  });
});
