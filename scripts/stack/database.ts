// The database the dev and test commands run against: DATABASE_URL when it is set, otherwise
// the embedded PostgreSQL (PGlite). Either way it is migrated, and seeded the first time.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate, readMigrations } from "../db/migrate";
import { seedCatalog } from "../../prisma/seed";

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface DatabaseOptions {
  /** DATABASE_URL from the environment, if any. */
  externalUrl?: string;
  /** Where the embedded database keeps its files; "memory" for a throwaway one. */
  dataDir: string | "memory";
  log: (line: string) => void;
}

export async function prepareDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.externalUrl
    ? { url: options.externalUrl, embedded: false, stop: async () => {} }
    : await startEmbedded(options.dataDir, options.log);
  try {
    const applied = await migrate({
      connectionString: database.url,
      log: (line) => options.log(`db: ${line}`),
    });
    // Every migration was pending: a brand-new database, so this is its first start.
    if (applied.length > 0 && applied.length === readMigrations().length) {
      const report = await seedCatalog(database.url);
      options.log(`db: seeded ${report.created.length} products`);
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

async function startEmbedded(dataDir: string, log: (line: string) => void): Promise<Database> {
  if (dataDir === "memory") {
    const pg = await startEmbeddedPostgres();
    return { url: pg.url, embedded: true, stop: pg.stop };
  }
  const release = lockDataDir(dataDir);
  if (!existsSync(path.join(dataDir, "PG_VERSION")))
    log("db: creating the embedded database (first start takes a few seconds)");
  try {
    const pg = await startEmbeddedPostgres({ dataDir });
    // For `npm run db:seed` (and psql) while this process holds the files: connect through us.
    writeFileSync(urlFile(dataDir), pg.url);
    return {
      url: pg.url,
      embedded: true,
      stop: async () => {
        rmSync(urlFile(dataDir), { force: true });
        await pg.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

const urlFile = (dataDir: string) => `${dataDir}.url`;

/**
 * The embedded database in `dataDir` for a one-off command (`npm run db:seed`): through the
 * socket of the `npm run dev` that holds its files, when one runs (PGlite's files have one owner,
 * and the dev server serves them to other connections), or started here, migrated, and stopped
 * by `stop()` otherwise.
 */
export async function connectToEmbedded(dataDir: string, log: (line: string) => void): Promise<Database> {
  const owner = ownerOf(dataDir);
  if (owner !== null) {
    if (!existsSync(urlFile(dataDir)))
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner}, which does not say where it listens. Stop it (Ctrl-C in its terminal) and run this again.`,
      );
    const url = readFileSync(urlFile(dataDir), "utf8").trim();
    log(`db: through the running dev server's embedded database (${url})`);
    return { url, embedded: true, stop: async () => {} };
  }
  return prepareDatabase({ dataDir, log });
}

/** The live process that holds the data directory, or null. */
function ownerOf(dataDir: string): number | null {
  const lockFile = `${dataDir}.lock`;
  if (!existsSync(lockFile)) return null;
  const pid = Number(readFileSync(lockFile, "utf8"));
  return pid && pid !== process.pid && isAlive(pid) ? pid : null;
}

// PGlite's files must have one owner: a second process opening them would corrupt the data.
function lockDataDir(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockFile = `${dataDir}.lock`;
  const owner = ownerOf(dataDir);
  if (owner !== null) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${owner} (another npm run dev?). Stop it first.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
