import { defineConfig } from "vitest/config";

// Every test sees Shanghai time: periods such as 今年 and 1—2月 are calendar facts there.
process.env.TZ = "Asia/Shanghai";

export default defineConfig({
  test: {
    env: { TZ: "Asia/Shanghai" },
    reporters: ["default", "./tests/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "tests/unit/**/*.test.ts",
            "tests/unit/**/*.test.tsx",
            "tests/gold/**/*.test.ts",
          ],
          environment: "node",
          // Builds extract/dist, the command the CLI tests run.
          globalSetup: ["tests/unit/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
