// Configuration as the README deploys it: `cp .env.example .env` must start, every empty value meaning "default".
import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { httpPort, loadConfig } from "../src/config.js";

describe("the configuration", () => {
  it("reads .env.example as it is, every empty value meaning the default", () => {
    const example = parse(readFileSync(".env.example", "utf8"));
    expect(Object.values(example)).toContain("");
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });

  it("treats an empty or blank value as unset for every variable", () => {
    const blank = Object.fromEntries(Object.keys(parse(readFileSync(".env.example", "utf8"))).map((k) => [k, "  "]));
    expect(loadConfig(blank)).toEqual(loadConfig({}));
  });

  it("serves HTTP on PORT, 3000 when unset", () => {
    expect(httpPort(loadConfig({}))).toBe(3000);
    expect(httpPort(loadConfig({ PORT: "8080" }))).toBe(8080);
  });
});
