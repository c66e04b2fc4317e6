import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds dist/ when src/ is newer: the child-process tests run the compiled bot.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: child-process and server tests are heavier than they look.
    maxWorkers: 2,
  },
});
