import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Transactions of the data layer run through lib/db/transaction.ts: limits chosen per operation, and
    // transient database failures retried or answered 503, never a 500.
    files: ["lib/**"],
    ignores: ["lib/db/transaction.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='db'][property.name='$transaction']",
          message: "Use transaction(TRANSACTION.<kind>, ...) from @/lib/db/transaction.",
        },
      ],
    },
  },
  {
    // The data access layer (lib/) is the only door to the database; pages, components, actions and
    // route handlers call it instead.
    files: ["app/**", "components/**", "proxy.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/prisma/client", "@prisma/*", "pg"],
              message: "Use a data access function from lib/<feature>.",
            },
          ],
        },
      ],
    },
  },
]);
