// The app's configuration: every variable it reads, validated once. This is the only module that
// reads `process.env`. Server code only: nothing here may reach the browser bundle.
//
// Two moments, two checks (README "Configuration", docs/deploy.md):
// - build (`next build`, next.config.ts): only values that are set are checked, nothing is
//   required, so a build machine needs no secrets and no database;
// - run time (server.ts, instrumentation.ts on Vercel): everything the app needs to take payments
//   must be there; it refuses to start with one line per missing or bad variable.
import { z } from "zod";

const postgresUrl = z
  .string({
    error: "is required: a postgresql:// connection URL (npm run dev sets one for the embedded database)",
  })
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/\S+$/.test(value), "must be a postgres:// or postgresql:// URL");

const httpUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value),
    "must be an absolute http(s) URL",
  )
  .transform((value) => value.replace(/\/+$/, ""));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  APP_URL: httpUrl.default("http://localhost:3000"),
  QBITFLOW_API_URL: httpUrl.default("https://api.qbitflow.app/v2"),
  QBITFLOW_API_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^sk_\S+$/, "must be a QBitFlow API key (sk_…); leave it unset to use the local sandbox"),
  ),
  // Where the merchant signs (or denies) refunds: QBitFlow's dashboard. Unset: the sandbox's
  // dashboard (the API URL without /v2) when QBITFLOW_API_URL is not QBitFlow's own, else
  // https://qbitflow.app (lib/qbitflow/dashboard.ts).
  QBITFLOW_DASHBOARD_URL: optional(httpUrl),
  // Several secrets, comma-separated, while one is being rotated.
  QBITFLOW_WEBHOOK_SECRET: optional(
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((secret) => secret.trim())
          .filter(Boolean),
      )
      .refine((secrets) => secrets.length > 0 && secrets.every((secret) => secret.startsWith("whsec_")), {
        message: "must be one or more whsec_… secrets, comma-separated",
      }),
  ),
  CHECKOUT_EXPIRES_IN_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(10, "must be at least 10 (QBitFlow's minimum)")
    .max(1440, "must be at most 1440 (QBitFlow's maximum)")
    .default(30),
  // How many unpaid orders one customer may hold at once (each holds its stock until it
  // expires): per buyer cookie, and per client address (shared by a household or an office).
  CHECKOUT_MAX_OPEN_ORDERS: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(3),
  CHECKOUT_MAX_OPEN_ORDERS_PER_ADDRESS: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100000, "must be at most 100000")
    .default(10),
  // How status changes reach the live WebSocket server: PostgreSQL LISTEN/NOTIFY (many app
  // instances on one database), or in-process (one instance; the embedded PGlite, whose
  // notifications do not cross connections, always uses this).
  LIVE_BUS: z.enum(["postgres", "memory"], { error: 'must be "postgres" or "memory"' }).default("postgres"),
  // Which client a request comes from (lib/client-address.ts): how many reverse proxies in front
  // of the app append to X-Forwarded-For. 0 (a plain Node host): the socket's address. Vercel
  // sets VERCEL=1, and its own x-vercel-forwarded-for is used there.
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number of proxies" })
    .int("must be a whole number of proxies")
    .min(0, "must be 0 or more")
    .max(10, "must be at most 10")
    .default(0),
  // How long the webhook delivery log keeps a row; the reconciliation cron deletes older ones.
  WEBHOOK_LOG_RETENTION_DAYS: z.coerce
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(3650, "must be at most 3650")
    .default(30),
  // How often requests may start the reconciliation sweep (after their response), across all
  // instances; 0 leaves the sweep to the cron alone.
  SWEEP_INTERVAL_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(0, "must be 0 (off) or more")
    .max(1440, "must be at most 1440")
    .default(5),
  // Connections per app instance. Default 10 on a Node host, 5 on Vercel, where every function
  // instance has its own pool and instances multiply under load: size the database (or use its
  // pooled URL) for instances × this.
  DATABASE_POOL_MAX: optional(
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100, "must be at most 100"),
  ),
  // How long the custom server lets in-flight requests finish after SIGTERM (Node hosts).
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(0, "must be 0 or more")
    .max(120_000, "must be at most 120000")
    .default(10_000),
  // Set by Vercel itself ("1"); picks the serverless pool settings.
  VERCEL: optional(z.string()),
  CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),
  // Receipts and notices (docs/receipts-and-fulfilment.md): any provider's SMTP. Unset: no email
  // is sent, and the outbox records each as skipped; `npm run dev` points it at the local mailbox.
  SMTP_URL: optional(
    z
      .string()
      .trim()
      .refine((value) => /^smtps?:\/\/\S+$/.test(value) && URL.canParse(value), {
        message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465",
      }),
  ),
  MAIL_FROM: optional(
    z
      .string()
      .trim()
      .regex(
        /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.?[^\s@<>]*>?$/,
        'must be an address, e.g. "Shop <orders@shop.example>"',
      ),
  ),
  MERCHANT_EMAIL: optional(
    z
      .string()
      .trim()
      .pipe(z.email({ error: "must be an email address" })),
  ),
  // The merchant's own fulfilment endpoint (lib/fulfilment): a signed POST for each paid order.
  FULFILMENT_WEBHOOK_URL: optional(httpUrl),
  FULFILMENT_WEBHOOK_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, "must be whsec_ followed by a base64 key of 18 bytes or more"),
  ),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "EnvError";
  }
}

type Source = Record<string, string | undefined>;

const describe = (issues: z.core.$ZodIssue[]) =>
  issues.map((issue) => `Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== "";

// On Vercel the public URL is known without configuration: its system variables name the
// production domain (or, on a preview, the deployment's own URL).
function withVercelDefaults(source: Source): Source {
  if (isSet(source.APP_URL) || source.VERCEL !== "1") return source;
  const host = source.VERCEL_ENV === "production" ? source.VERCEL_PROJECT_PRODUCTION_URL : source.VERCEL_URL;
  return isSet(host) ? { ...source, APP_URL: `https://${host}` } : source;
}

// What a production server cannot take payments without (beyond DATABASE_URL, always required).
function missingInProduction(source: Source): string[] {
  if (source.NODE_ENV !== "production") return [];
  const missing: string[] = [];
  if (!isSet(source.APP_URL)) {
    missing.push(
      "Invalid environment variable APP_URL: is required in production: the shop's public https URL (redirects and webhooks are built from it)",
    );
  }
  if (!isSet(source.QBITFLOW_API_KEY)) {
    missing.push(
      "Invalid environment variable QBITFLOW_API_KEY: is required in production: your QBitFlow secret key (sk_…, dashboard → API keys)",
    );
  }
  return missing;
}

/** Validates the run-time configuration; throws EnvError with one line per bad or missing variable. */
export function parseEnv(input: Source): Env {
  const source = withVercelDefaults(input);
  const result = schema.safeParse(source);
  // A malformed value is the schema's line; a missing one is missingInProduction's: never both.
  const problems = [...(result.success ? [] : describe(result.error.issues)), ...missingInProduction(source)];
  if (!result.success || problems.length) throw new EnvError(problems);
  return result.data;
}

const buildSchema = schema.extend({ DATABASE_URL: optional(postgresUrl) });

export type LenientEnv = z.infer<typeof buildSchema>;

/**
 * The configuration where nothing is required yet: `next build`, and the going-live assistant,
 * which reports what is missing instead of refusing to run. Throws EnvError for malformed values.
 */
export function parseEnvLeniently(input: Source): LenientEnv {
  const result = buildSchema.safeParse(withVercelDefaults(input));
  if (!result.success) throw new EnvError(describe(result.error.issues));
  return result.data;
}

/** For `next build`: one line per malformed variable (empty when the build may go on). */
export function checkBuildEnv(input: Source): string[] {
  try {
    parseEnvLeniently(input);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

let cached: Env | undefined;

/** The validated configuration of this process, read on first use. */
export function getEnv(): Env {
  if (typeof window !== "undefined") throw new Error("lib/env.ts is server-only");
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The public URL alone, for what may be rendered at build time (the root layout's metadataBase):
 * APP_URL (or Vercel's URL), else the local default; never throws for other variables.
 */
export function getAppUrl(): string {
  const parsed = schema.shape.APP_URL.safeParse(withVercelDefaults(process.env).APP_URL);
  return parsed.success ? parsed.data : "http://localhost:3000";
}

/** The check of `next build`, on this process's environment (next.config.ts). */
export function checkBuildEnvOrExit(): void {
  const problems = checkBuildEnv(process.env);
  if (!problems.length) return;
  console.error(problems.join("\n"));
  process.exit(1);
}

/** For start-up code (server.ts, instrumentation.ts): print the bad variables, one per line, and stop. */
export function getEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
