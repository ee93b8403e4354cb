import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "src/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain and the design system never depend on routes (tests may call routes).
    files: ["src/server/**/*.{ts,tsx}", "src/ui/**/*.{ts,tsx}", "src/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*"],
              message: "src/server e src/ui non importano da src/app: le dipendenze vanno verso il dominio.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain knows no HTTP: the adapter in src/app/_lib/http speaks it (decision 0015).
    files: ["src/server/**/*.{ts,tsx}"],
    ignores: ["src/server/identity/session.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*"],
              message: "src/server e src/ui non importano da src/app: le dipendenze vanno verso il dominio.",
            },
            {
              group: ["next", "next/*"],
              message: "src/server non conosce HTTP: richieste, cookie e redirect stanno in src/app/_lib/http (decisione 0015).",
            },
          ],
        },
      ],
    },
  },
  {
    // Routes stay thin: they reach the database only through services.
    files: ["src/app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/server/db/*", "@/generated/prisma/client"], message: "Le route chiamano i servizi, non Prisma." },
          ],
        },
      ],
    },
  },
]);
