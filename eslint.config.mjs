import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const DATABASE_IMPORTS = {
  group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/prisma/client", "@prisma/*", "pg"],
  message: "Use a data access function from lib/<feature>.",
};
const APP_IMPORTS = {
  group: ["@/app/*", "**/app/*"],
  message: "Routes stay thin: import from the feature in lib/ (or components/), never from app/.",
};

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
    // The data access layer (lib/) is the only door to the database; pages, components and route
    // handlers call it instead. Nothing outside app/ imports from app/: routes are thin, and what they
    // use (data layer, server actions, components) lives in the features.
    files: ["components/**", "proxy.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [DATABASE_IMPORTS, APP_IMPORTS] }],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [DATABASE_IMPORTS] }],
    },
  },
  {
    files: ["lib/**", "scripts/**", "prisma/**", "instrumentation.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [APP_IMPORTS] }],
    },
  },
]);
