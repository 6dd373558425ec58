/**
 * Fixed development defaults. The app's dev launcher imports these so that `npm run dev`
 * and `npm run sandbox` agree on the key and secret without any configuration.
 */

export const SANDBOX_DEFAULT_PORT = 4010;
export const SANDBOX_DEFAULT_HOST = "127.0.0.1";

/** A v2-shaped test key (`sk_<uuid>_<test|live>_<secret>`); the mode is read from it. */
export const SANDBOX_DEFAULT_API_KEY = "sk_00000000-0000-4000-8000-000000000001_test_sandbox";
export const SANDBOX_DEFAULT_WEBHOOK_SECRET = "whsec_sandbox_dev_secret";
export const SANDBOX_DEFAULT_STATE_FILE = ".data/sandbox/state.json";
export const SANDBOX_DEFAULT_ORGANIZATION_NAME = "Sandbox Shop";

/** Sandbox-defined: the real default lifetime is not documented (spec §11.2). */
export const DEFAULT_EXPIRES_IN_MINUTES = 60;
/** Sandbox-defined: how long a paid session stays `waitingConfirmation` (sandbox time). */
export const DEFAULT_CONFIRMATION_DELAY_MS = 5_000;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Sandbox-defined retry schedule (spec §5.1 only says "retried for 3 days"): offsets of each
 * attempt from the first one. 10 attempts, roughly doubling, the last one exactly 3 days after
 * the first; when it fails too, the endpoint is disabled with `disabledReason: "failing"`.
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  24 * HOUR,
  48 * HOUR,
  72 * HOUR,
];

/** A delivery counts only if the endpoint answers 2xx within this time (spec §5.1). */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 30 * SECOND;
/** Both signatures are sent for this long after a rotation (spec §5.1 step 6). */
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * HOUR;
/** Stored idempotent answers live this long (spec §1.5). */
export const IDEMPOTENCY_TTL_MS = 24 * HOUR;
/** Test-mode cap on a checkout total, in USD (spec §2.1). */
export const TEST_MODE_MAX_USD = 5;
/** Sandbox-defined: how long out-of-order deliveries are held back before being sent reversed. */
export const DEFAULT_OUT_OF_ORDER_WINDOW_MS = 500;
/** Sandbox-defined: how old a "stale" signature timestamp is (beyond the 300 s tolerance). */
export const STALE_TIMESTAMP_AGE_S = 600;
/** Webhook endpoints per space and mode (spec §5.1). */
export const MAX_ENDPOINTS_PER_MODE = 10;
