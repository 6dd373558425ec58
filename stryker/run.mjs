// `npm run test:mutation`: runs Stryker on the payment core, then holds every module (not just the
// total, which Stryker's own `break` threshold checks) to 95%, and requires each surviving mutant
// to be explained in stryker/equivalents.md. Extra arguments go to Stryker (e.g. `--force`).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const MIN_SCORE = 95;
const root = path.resolve(import.meta.dirname, "..");
const reportFile = path.join(root, "reports/mutation/mutation.json");
const equivalentsFile = path.join(root, "stryker/equivalents.md");

const stryker = spawnSync(
  path.join(root, "node_modules/.bin/stryker"),
  ["run", "stryker/stryker.config.mjs", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
if (stryker.status !== 0) process.exit(stryker.status ?? 1);

const report = JSON.parse(readFileSync(reportFile, "utf8"));
// An incremental report can still hold files dropped from `mutate`: judge only the current ones.
const { default: config } = await import("./stryker.config.mjs");
const mutated = new Set(config.mutate);
const listed = readFileSync(equivalentsFile, "utf8");
const failures = [];
const rows = [];

for (const [file, { mutants }] of Object.entries(report.files)) {
  if (!mutated.has(file)) continue;
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count("Killed", "Timeout");
  const valid = detected + count("Survived", "NoCoverage");
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  rows.push(`${score.toFixed(2).padStart(7)}%  ${String(valid).padStart(4)} mutants  ${file}`);
  if (score < MIN_SCORE) failures.push(`${file}: ${score.toFixed(2)}% is under ${MIN_SCORE}%`);
  for (const mutant of mutants) {
    // Ignored: disabled by a `// Stryker disable` comment, for a module too small for the bar.
    if (!["Survived", "NoCoverage", "Ignored"].includes(mutant.status)) continue;
    // The key names the exact mutant; a change to the module moves it and asks for a new look.
    const { line, column } = mutant.location.start;
    const key = `${file}:${line}:${column} ${mutant.mutatorName}`;
    if (!listed.includes(`\`${key}\``)) {
      failures.push(`${mutant.status}, not in stryker/equivalents.md: \`${key}\` → ${mutant.replacement}`);
    }
  }
}

console.log(`\nMutation score per module (at least ${MIN_SCORE}%):\n${rows.join("\n")}`);
if (failures.length) {
  console.log(`\n${failures.join("\n")}`);
  process.exit(1);
}
console.log("\nEvery module meets the bar; every survivor is explained in stryker/equivalents.md.");
