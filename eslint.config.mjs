import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { moduleBoundaries } from "./eslint/module-boundaries.mjs";

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
    // The design system and the pure helpers depend on nothing of the app: neither routes nor the domain.
    files: ["src/ui/**/*.{ts,tsx}", "src/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/*", "**/app/*"],
              message: "src/ui e src/lib non importano da src/app: le dipendenze vanno verso il dominio.",
            },
            {
              group: ["@/server", "@/server/*", "**/server/*"],
              message: "src/ui e src/lib non importano da src/server: i componenti ricevono i dati come props, gli helper restano puri.",
            },
          ],
        },
      ],
    },
  },
  {
    // The modules of src/server depend on one another without cycles (docs/code-style.md); tests beside the code may reach any module.
    files: ["src/server/**/*.{ts,tsx}"],
    ignores: ["src/server/**/*.test.{ts,tsx}"],
    plugins: { local: moduleBoundaries },
    rules: { "local/no-server-module-cycles": "error" },
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
              group: ["@/app", "@/app/*", "**/app/*"],
              message: "src/server non importa da src/app: le dipendenze vanno verso il dominio.",
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
          patterns: [{ group: ["@/server/db/*", "@/generated/prisma/client"], message: "Le route chiamano i servizi, non Prisma." }],
        },
      ],
    },
  },
]);
