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
