// Placing by JSON path in one linear scan: lines of paths, the first syntax error and its path, nesting depth.
import { describe, expect, it } from "vitest";
import { hasReadableLines, lineAndColumn, linesOfPaths, nestedDeeperThan, offsetsOf, syntaxErrorAt } from "../../src/core/knowledge/json-place.js";

const pretty = JSON.stringify(
  { a: { 'we"ird key': [1, { b: "x]}\\\"{[" }, 3], "Saal 1": [{ c: null }] }, d: [[], {}, "e"] },
  null,
  2,
);
const lineOf = (needle: string) => pretty.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("linesOfPaths", () => {
  it("finds each path's line in one scan, past strings holding brackets and escaped quotes", () => {
    expect(linesOfPaths(pretty, [["a", 'we"ird key', 1, "b"], ["a", "Saal 1", 0, "c"], ["d", 2], []])).toEqual([
      lineOf('"b": '),
      lineOf('"c": null'),
      lineOf('"e"'),
      1,
    ]);
  });

  it("places a missing path at its deepest existing parent", () => {
    expect(linesOfPaths(pretty, [["a", "Saal 1", 0, "missing"], ["a", "Saal 1", 7], ["nothing", "here"]])).toEqual([lineOf('"Saal 1"') + 1, lineOf('"Saal 1"'), 1]);
  });

  it("gives no line in a minified text, where the path is the place", () => {
    const minified = JSON.stringify(JSON.parse(pretty));
    expect(hasReadableLines(minified)).toBe(false);
    expect(hasReadableLines(`${minified}\n`)).toBe(false);
    expect(hasReadableLines(pretty)).toBe(true);
    expect(linesOfPaths(minified, [["a"]])).toEqual([undefined]);
    expect(offsetsOf(minified, [["d", 2]])).toEqual([minified.indexOf('"e"')]);
  });
});

describe("syntaxErrorAt", () => {
  it.each([
    ['{"a": [1, 2,, 3]}', 12, ["a", 2]],
    ['{"a": {"b": tru}}', 12, ["a", "b"]],
    // After the comma, the last key read is still the place.
    ['{"a": 1,}', 8, ["a"]],
    ['{"a": "x\ny"}', 8, ["a"]],
    ["<html>", 0, []],
    ['{"a": [1', 8, ["a", 0]],
    ['{"a": 1} x', 9, []],
  ] as const)("%j fails at %i, path %j", (text, offset, path) => {
    expect(syntaxErrorAt(text)).toEqual({ offset, path });
  });

  it("finds nothing wrong in valid JSON", () => {
    for (const text of [pretty, "[]", '"\\u00e9"', "-1.5e3", ' {"a" : [ true , false , null ] } ']) expect(syntaxErrorAt(text)).toBeUndefined();
  });
});

describe("nestedDeeperThan and lineAndColumn", () => {
  it("stops at the first place deeper than the limit, not counting brackets in strings", () => {
    expect(nestedDeeperThan('{"a": "[[[[[[", "b": [[[1]]]}', 3)).toBe(23);
    expect(nestedDeeperThan('{"a": "[[[[[[", "b": [[1]]}', 3)).toBeUndefined();
    expect(lineAndColumn("ab\ncd\nef", 7)).toEqual({ line: 3, column: 2 });
  });
});
