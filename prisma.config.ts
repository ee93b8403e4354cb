import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`: migrations run through the
// WebAssembly schema engine (scripts/migrate.ts), see docs/decisions/0003.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
