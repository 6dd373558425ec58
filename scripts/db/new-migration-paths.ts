import path from "node:path";
import { MIGRATIONS_DIR } from "./migrate";

export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
/** The schema the newest migration was written for; the next migration diffs from it. */
export const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
