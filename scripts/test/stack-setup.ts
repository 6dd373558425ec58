// Vitest global setup for integration tests: a real database. `npm test` passes one in
// DATABASE_URL (embedded or external); a bare `npx vitest run` gets a throwaway embedded one.
import { prepareDatabase, type Database } from "../stack/database";

let database: Database | undefined;

export async function setup() {
  if (process.env.DATABASE_URL) return;
  database = await prepareDatabase({ dataDir: "memory", log: () => {} });
  // Test workers start after this and inherit the variable.
  process.env.DATABASE_URL = database.url;
}

export async function teardown() {
  await database?.stop();
}
