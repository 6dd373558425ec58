// The app's configuration: every variable it reads, validated once. This is the only module that
// reads `process.env`; next.config.ts imports it so a bad value stops start-up at once, with one
// line naming the variable. Server code only: nothing here may reach the browser bundle.
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

/** Validates a set of variables; throws EnvError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `Invalid environment variable ${name}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** The validated configuration of this process, read on first use. */
export function getEnv(): Env {
  if (typeof window !== "undefined") throw new Error("lib/env.ts is server-only");
  cached ??= parseEnv(process.env);
  return cached;
}

/** For start-up code (next.config.ts, server.ts): print the bad variables, one per line, and stop. */
export function getEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
