// What `npm run verify:vercel` checks in Vercel's Build Output (.vercel/output), as pure functions
// over the directory so each check has its own tests (output-checks.test.ts).
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/** Vercel's limit on a function's size, uncompressed (docs: Functions limits, "Bundle size"). */
export const FUNCTION_SIZE_LIMIT = 250 * 1024 * 1024;

/**
 * Why Vercel's Hobby plan would refuse this schedule, or null: Hobby crons run at most once a day,
 * so the minute and the hour must each be one fixed value (the day fields may be anything).
 */
export function hobbyCronProblem(schedule: string): string | null {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) return `"${schedule}" is not a 5-field cron expression`;
  const [minute, hour] = fields as [string, string];
  const fixed = (field: string, max: number) => /^\d+$/.test(field) && Number(field) <= max;
  if (!fixed(minute, 59) || !fixed(hour, 23)) {
    return `"${schedule}" runs more than once a day: Hobby accepts only a fixed minute and hour (e.g. "17 4 * * *")`;
  }
  return null;
}

export interface FunctionInfo {
  /** The route, e.g. "api/webhooks/qbitflow". */
  route: string;
  bytes: number;
  runtime: string;
  /** The function it is deployed as: Vercel's Next.js builder groups routes into a few functions. */
  target: string;
}

// Sums a directory's files, following symlinks (Vercel's output links identical functions to
// one copy; each still counts in full against the limit).
function directoryBytes(dir: string, seen = new Set<string>()): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const real = realpathSync(full);
    const stats = statSync(real);
    if (stats.isDirectory()) total += directoryBytes(real, seen);
    else if (!seen.has(real)) {
      seen.add(real);
      total += stats.size;
    }
  }
  return total;
}

/** Every function in the output, with its unzipped size (its folder plus `filePathMap` files). */
export function listFunctions(outputDir: string, projectDir: string): FunctionInfo[] {
  const functionsDir = path.join(outputDir, "functions");
  const found: FunctionInfo[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (entry.endsWith(".func")) {
        const config = JSON.parse(readFileSync(path.join(full, ".vc-config.json"), "utf8")) as {
          runtime?: string;
          filePathMap?: Record<string, string>;
        };
        const seen = new Set<string>();
        let bytes = directoryBytes(full, seen);
        for (const source of Object.values(config.filePathMap ?? {})) {
          const real = realpathSync(path.resolve(projectDir, source));
          if (!seen.has(real)) {
            seen.add(real);
            bytes += statSync(real).size;
          }
        }
        const name = (file: string) => path.relative(functionsDir, file).replace(/\.func$/, "");
        found.push({
          route: name(full),
          bytes,
          runtime: config.runtime ?? "?",
          target: name(realpathSync(full)),
        });
      } else if (lstatSync(full).isDirectory()) walk(full);
    }
  };
  if (existsSync(functionsDir)) walk(functionsDir);
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

/** Files under `dir` that contain any of `secrets`, as "file: secret name". */
export function findSecrets(dir: string, secrets: Record<string, string>): string[] {
  const hits: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const text = readFileSync(full).toString("latin1");
        for (const [name, value] of Object.entries(secrets)) {
          if (text.includes(value)) hits.push(`${path.relative(dir, full)}: ${name}`);
        }
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return hits;
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
