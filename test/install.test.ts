// A fresh `npm ci` prints nothing a newcomer would have to ask about: every dependency's install script is decided in
// package.json's `allowScripts` (npm 11 warns about each one that is not). esbuild's is denied: it only re-checks
// the platform binary that the lock file's @esbuild/<platform> package already installs, and tsx uses that directly.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const npm = (...args: string[]) => promisify(execFile)("npm", args, { encoding: "utf8" });
// Undefined on npm 10 (the one Node 20 ships), which has no install-script approvals: it runs them and says nothing.
const unreviewed = await npm("install-scripts", "ls").then((r) => r.stdout.trim(), () => undefined);

describe("npm ci", () => {
  it.skipIf(unreviewed === undefined)("leaves no dependency's install script undecided", () => {
    expect(unreviewed).toBe("No packages with unreviewed install scripts.");
  });
});
