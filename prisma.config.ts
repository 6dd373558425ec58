// Configuration for the Prisma CLI (`prisma generate`, and `prisma migrate deploy/status` for
// those who have the CLI's engine). The app itself never reads this file: it gets its database
// URL from lib/env.ts. The CLI runs outside the app, so it reads the variable directly.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL },
});
