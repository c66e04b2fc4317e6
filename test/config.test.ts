// The environment as a newcomer writes it: every variable a mode needs is named with where to find it, the
// variables with a fixed set of values read them in any case, and `cp .env.example .env` starts, every empty value
// meaning "default".
import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { botOptions, ConfigError, httpPort, loadConfig, platformsEnabled } from "../src/config.js";

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("loadConfig accepted it");
};

describe("configuration", () => {
  it("DISCORD_MODE=http alone names both variables HTTP mode needs and where to find them, instead of opening the console", () => {
    const message = problemsOf({ DISCORD_MODE: "http" });
    expect(message).toContain("DISCORD_PUBLIC_KEY: is missing");
    expect(message).toContain("DISCORD_APPLICATION_ID: is missing");
    expect(message).toContain("General Information → Public Key");
    expect(message).toContain("General Information → Application ID");
    expect(problemsOf({ DISCORD_MODE: "http", DISCORD_PUBLIC_KEY: "ab".repeat(32) })).not.toContain("DISCORD_PUBLIC_KEY");
  });

  it("reads every variable with a fixed set of values in any case and with surrounding spaces; blank is unset", () => {
    const c = loadConfig({ DISCORD_MODE: " HTTP ", DISCORD_PUBLIC_KEY: "ab".repeat(32), DISCORD_APPLICATION_ID: "123", DEFAULT_LANG: "EN", LOG_LEVEL: "Warn" });
    expect(c).toMatchObject({ DISCORD_MODE: "http", DEFAULT_LANG: "en", LOG_LEVEL: "warn" });
    expect(platformsEnabled(c)).toBe(true);
    // .env.example leaves LOG_LEVEL blank: a copied .env must start.
    const blank = loadConfig({ DISCORD_MODE: "", DEFAULT_LANG: " ", LOG_LEVEL: "" });
    expect(blank).toMatchObject({ DISCORD_MODE: "gateway", DEFAULT_LANG: "ko" });
    expect(blank.LOG_LEVEL).toBeUndefined();
  });

  it("still refuses a value outside the set, naming the variable and the values it takes", () => {
    expect(problemsOf({ DISCORD_MODE: "websocket" })).toMatch(/DISCORD_MODE: .*"gateway"\|"http"/);
  });
});

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

  it("checks schedule URLs every SCHEDULE_REFRESH_MINUTES whole minutes, never when it is blank, and keeps their copies in DATA_DIR", () => {
    expect(loadConfig({ SCHEDULE_REFRESH_MINUTES: " " }).SCHEDULE_REFRESH_MINUTES).toBeUndefined();
    expect(loadConfig({ SCHEDULE_REFRESH_MINUTES: "15" }).SCHEDULE_REFRESH_MINUTES).toBe(15);
    expect(problemsOf({ SCHEDULE_REFRESH_MINUTES: "0" })).toMatch(/^ {2}- SCHEDULE_REFRESH_MINUTES: /m);
    expect(problemsOf({ SCHEDULE_REFRESH_MINUTES: "every hour" })).toContain("SCHEDULE_REFRESH_MINUTES: ");
    expect(botOptions(loadConfig({ DATA_DIR: "/var/lib/eventdesk" })).scheduleCopiesDir).toBe("/var/lib/eventdesk/schedules");
  });

  it("serves HTTP on PORT, 3000 when unset", () => {
    expect(httpPort(loadConfig({}))).toBe(3000);
    expect(httpPort(loadConfig({ PORT: "8080" }))).toBe(8080);
  });

  it("reads the store's variables: DATABASE_URL must be a postgres URL; LOG_QUESTIONS is public unless set, in any case", () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({}).LOG_QUESTIONS).toBe("public");
    expect(loadConfig({ DATABASE_URL: "postgresql://u:p@db:5432/eventdesk", LOG_QUESTIONS: " FULL " })).toMatchObject({ DATABASE_URL: "postgresql://u:p@db:5432/eventdesk", LOG_QUESTIONS: "full" });
    expect(problemsOf({ DATABASE_URL: "mysql://db/x" })).toContain("DATABASE_URL: a postgres:// or postgresql:// URL");
    expect(problemsOf({ LOG_QUESTIONS: "everything" })).toContain("LOG_QUESTIONS");
  });
});
