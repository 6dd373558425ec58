// Checks for, creates or drops a PostgreSQL database, for CI's pass on a real server.
// Plain .mjs with pg, so CI needs no psql client.
//   node scripts/ci/database.mjs check|create|drop <admin-url> [name]
import pg from "pg";

const [action, adminUrl, name] = process.argv.slice(2);
if (
  !["check", "create", "drop"].includes(action) ||
  !adminUrl ||
  (action !== "check" && !/^\w+$/.test(name ?? ""))
) {
  console.error("usage: database.mjs check|create|drop <admin-url> [name]");
  process.exit(2);
}
const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
} catch {
  if (action === "check") process.exit(1);
  throw new Error(`cannot connect to ${adminUrl}`);
}
try {
  if (action === "create") await client.query(`CREATE DATABASE "${name}"`);
  if (action === "drop") await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (action !== "check") console.log(`${action === "create" ? "created" : "dropped"} database ${name}`);
} finally {
  await client.end();
}
