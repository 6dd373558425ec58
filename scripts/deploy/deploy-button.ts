// The README's "Deploy with Vercel" button, generated from one list so the URL, the docs and the
// run-time check (lib/env.ts) cannot drift apart: deploy-button.test.ts fails when a variable the
// server requires in production is neither asked for here nor provided by Vercel or the database
// integration. `npx tsx scripts/deploy/deploy-button.ts` prints the Markdown.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** What the Deploy flow asks the merchant for, with the description it shows. */
export const ASKED_VARIABLES = [
  ["QBITFLOW_API_KEY", "your QBitFlow secret key (sk_…, dashboard → API keys; a _test_ key first)"],
  ["CRON_SECRET", "any random string of 16+ characters (Vercel Cron sends it to the sweep route)"],
  ["ADMIN_PASSWORD", "12+ characters, for /admin, where Setup registers your webhook endpoint"],
] as const;

/**
 * Provided without asking: DATABASE_URL (and DATABASE_URL_UNPOOLED) by the Neon integration the
 * button adds; APP_URL from Vercel's own VERCEL_PROJECT_PRODUCTION_URL (lib/env.ts).
 */
export const PROVIDED_VARIABLES = ["DATABASE_URL", "DATABASE_URL_UNPOOLED", "APP_URL"] as const;

// Vercel's marketplace form of "offer a Postgres database": Neon, which sets DATABASE_URL (pooled)
// and DATABASE_URL_UNPOOLED (direct, used by the migrations). Vercel's own templates use it.
const POSTGRES = [{ type: "integration", protocol: "storage", productSlug: "neon", integrationSlug: "neon" }];

export function repositoryUrl(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    repository?: { url?: string };
  };
  const url = pkg.repository?.url?.replace(/^git\+/, "").replace(/\.git$/, "");
  if (!url) throw new Error('package.json has no "repository.url": the Deploy button needs it');
  return url;
}

export function deployButtonUrl(repository = repositoryUrl()): string {
  const params = new URLSearchParams({
    "repository-url": repository,
    "project-name": "qbitflow-shop",
    "repository-name": "qbitflow-shop",
    env: ASKED_VARIABLES.map(([name]) => name).join(","),
    envDescription: ASKED_VARIABLES.map(([name, what]) => `${name}: ${what}`).join(". "),
    envLink: `${repository}/blob/main/docs/deploy.md#vercel`,
    products: JSON.stringify(POSTGRES),
  });
  return `https://vercel.com/new/clone?${params.toString()}`;
}

export const deployButtonMarkdown = (url = deployButtonUrl()) =>
  `[![Deploy with Vercel](https://vercel.com/button)](${url})`;

if (import.meta.url === `file://${process.argv[1]}`) console.log(deployButtonMarkdown());
