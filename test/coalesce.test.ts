// A SIGHUP storm: one reload running, at most one queued, and every caller told when the knowledge is current.
import { describe, expect, it } from "vitest";
import { coalesce } from "../src/coalesce.js";

describe("coalesce", () => {
  it("turns 50 calls during a run into that run and one more", async () => {
    let runs = 0;
    let release!: () => void;
    const task = coalesce(() => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const calls = Array.from({ length: 50 }, () => task());
    expect(runs).toBe(1);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    release();
    await Promise.all(calls);
    expect(runs).toBe(2);
    const later = task();
    expect(runs).toBe(3);
    release();
    await later;
  });

  it("keeps going after a run fails", async () => {
    let runs = 0;
    const task = coalesce(async () => {
      runs++;
      throw new Error("disk full");
    });
    await task();
    await task();
    expect(runs).toBe(2);
  });
});
