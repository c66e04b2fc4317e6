// Placing problems in a JSON text without parsing it a second time into a tree: by JSON path always, by line
// when the text is pretty-printed. Everything here is one linear scan over the characters that keeps only a
// stack as deep as the paths asked for; nothing recurses, so a deeply nested junk file costs no more than its
// length.
import type { Path } from "./places.js";

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index just after the string whose opening quote is at `i` (the text's end when it is not closed). */
function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

const STRUCTURE = /["[\]{}]/g;
const VALUE_END = /[,\]}\s]/g;

/** The index just after the value starting at `i`, which must be valid JSON. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
    VALUE_END.lastIndex = i;
    return VALUE_END.exec(text)?.index ?? text.length;
  }
  let depth = 0;
  STRUCTURE.lastIndex = i;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const k = text.charCodeAt(m.index);
    if (k === QUOTE) STRUCTURE.lastIndex = stringEnd(text, m.index);
    else if (k === OPEN_OBJECT || k === OPEN_ARRAY) depth++;
    else if (--depth === 0) return m.index + 1;
  }
  return text.length;
}

/** Whether a text has lines worth giving: pretty-printed, not minified onto one or a few very long lines. */
export function hasReadableLines(text: string, longestAverage = 1000): boolean {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < text.length - 1; i = text.indexOf("\n", i + 1)) {
    if (++lines * longestAverage >= text.length) return true;
  }
  return lines > 1 && lines * longestAverage >= text.length;
}

interface PathNode {
  children?: Map<string | number, PathNode>;
  at?: number;
}

/**
 * Where each path's value starts in a valid JSON text, or, for a path that is not there, where its deepest
 * existing parent starts. One scan for all the paths: only the containers on some path are entered, the rest
 * are skipped over.
 */
export function offsetsOf(text: string, paths: readonly Path[]): (number | undefined)[] {
  const root: PathNode = {};
  let wanted = 1;
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      node.children ??= new Map();
      let child = node.children.get(key);
      if (!child) {
        node.children.set(key, (child = {}));
        wanted++;
      }
      node = child;
    }
  }
  const stack: { node: PathNode; array: boolean; index: number }[] = [];
  let i = skipSpace(text, 0);
  const valueAt = (node: PathNode | undefined) => {
    if (node) {
      node.at = i;
      wanted--;
    }
    const c = text.charCodeAt(i);
    if (node?.children && (c === OPEN_OBJECT || c === OPEN_ARRAY)) {
      stack.push({ node, array: c === OPEN_ARRAY, index: 0 });
      i++;
    } else {
      i = skipValue(text, i);
    }
  };
  valueAt(root);
  while (stack.length > 0 && wanted > 0 && i < text.length) {
    const frame = stack[stack.length - 1];
    i = skipSpace(text, i);
    let c = text.charCodeAt(i);
    if (c === COMMA) {
      i = skipSpace(text, i + 1);
      c = text.charCodeAt(i);
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      i++;
    } else if (frame.array) {
      valueAt(frame.node.children!.get(frame.index++));
    } else {
      const end = stringEnd(text, i);
      const raw = text.slice(i + 1, end - 1);
      const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
      i = skipSpace(text, end);
      if (text.charCodeAt(i) === COLON) i = skipSpace(text, i + 1);
      valueAt(frame.node.children!.get(key));
    }
  }
  return paths.map((path) => {
    let node: PathNode | undefined = root;
    let best = root.at;
    for (const key of path) {
      node = node.children?.get(key);
      if (node?.at === undefined) break;
      best = node.at;
    }
    return best;
  });
}

/** The 1-based line of each offset, in one pass over the text's line breaks. */
export function linesAt(text: string, offsets: readonly (number | undefined)[]): (number | undefined)[] {
  const order = offsets.map((o, i) => [o, i] as const).filter((x): x is readonly [number, number] => x[0] !== undefined);
  order.sort((a, b) => a[0] - b[0]);
  const lines: (number | undefined)[] = offsets.map(() => undefined);
  let line = 1;
  let nextBreak = text.indexOf("\n");
  for (const [offset, i] of order) {
    while (nextBreak >= 0 && nextBreak < offset) {
      line++;
      nextBreak = text.indexOf("\n", nextBreak + 1);
    }
    lines[i] = line;
  }
  return lines;
}

/** The line of each path in a valid JSON text, when the text is pretty-printed; none for a minified one. */
export function linesOfPaths(text: string, paths: readonly Path[]): (number | undefined)[] {
  if (paths.length === 0 || !hasReadableLines(text)) return paths.map(() => undefined);
  return linesAt(text, offsetsOf(text, paths));
}

/** Where a text nests deeper than `limit`, if it does: real schedules nest about a dozen levels. */
export function nestedDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const k = text.charCodeAt(m.index);
    if (k === QUOTE) STRUCTURE.lastIndex = stringEnd(text, m.index);
    else if (k === OPEN_OBJECT || k === OPEN_ARRAY) {
      if (++depth > limit) return m.index;
    } else depth--;
  }
  return undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ["true", "false", "null"];

/**
 * The first place a text stops being JSON, with the path of the value being read there — JSON.parse does not
 * always say where ("Unexpected token '<', … is not valid JSON"). Undefined when the text is valid JSON.
 */
export function syntaxErrorAt(text: string): { offset: number; path: Path } | undefined {
  // Each open container: whether it is an array, and the key or index being read in it.
  const stack: { array: boolean; key: string | number }[] = [];
  const path = () => stack.map((f) => f.key);
  const fail = (offset: number) => ({ offset, path: path() });
  let expect: "value" | "key" | "after" = "value";
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return expect === "after" && stack.length === 0 ? undefined : fail(i);
    const c = text.charCodeAt(i);
    if (expect === "after") {
      const top = stack[stack.length - 1];
      if (!top) return fail(i);
      if (c === COMMA) {
        i++;
        if (top.array) (top.key as number)++;
        expect = top.array ? "value" : "key";
      } else if (c === (top.array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
        stack.pop();
        i++;
      } else {
        return fail(i);
      }
    } else if (expect === "key") {
      if (c !== QUOTE) return fail(i);
      const end = validString(text, i);
      if (end < 0) return fail(-end - 1);
      const raw = text.slice(i + 1, end - 1);
      stack[stack.length - 1].key = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
      i = skipSpace(text, end);
      if (text.charCodeAt(i) !== COLON) return fail(i);
      i++;
      expect = "value";
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const array = c === OPEN_ARRAY;
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === (array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
        i++;
        expect = "after";
      } else {
        stack.push({ array, key: array ? 0 : "" });
        expect = array ? "value" : "key";
      }
    } else if (c === QUOTE) {
      const end = validString(text, i);
      if (end < 0) return fail(-end - 1);
      i = end;
      expect = "after";
    } else {
      NUMBER.lastIndex = i;
      const literal = LITERALS.find((l) => text.startsWith(l, i));
      if (literal) i += literal.length;
      else if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else return fail(i);
      expect = "after";
    }
  }
}

/** The index after a valid string starting at `i`, or -(offset + 1) of what is wrong in it. */
function validString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c < 32) return -j - 1;
    if (c === BACKSLASH) {
      const e = text[j + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -j - 1;
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        j++;
      } else {
        return -j - 1;
      }
    }
  }
  return -text.length - 1;
}

/** The line and column (1-based) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
