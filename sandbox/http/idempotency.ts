/**
 * `Idempotency-Key` semantics of spec §1.5: only successful answers are stored, for 24 h
 * (scaled); the same key and request replays the stored answer; a key whose request is still
 * running is a retryable 409; the same key with a different request is a 422.
 */
import { createHash } from "node:crypto";
import type { Clock } from "../clock";
import { IDEMPOTENCY_TTL_MS } from "../defaults";
import type { Store } from "../store";
import type { Mode } from "../types";
import { ApiError, badRequest } from "./errors";

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export interface Answer {
  status: number;
  body: unknown;
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${stableStringify(body)}`)
    .digest("hex");
}

/** JSON with sorted keys, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same request. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export class Idempotency {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async run(
    mode: Mode,
    header: string | string[] | undefined,
    print: string,
    exec: () => Promise<Answer>,
  ): Promise<Answer & { replayed: boolean }> {
    if (header === undefined) return { ...(await exec()), replayed: false };
    const key = Array.isArray(header) ? (header[0] ?? "") : header;
    if (!KEY_SHAPE.test(key)) {
      throw badRequest("Idempotency-Key must be 1-255 printable ASCII characters without spaces");
    }
    const slot = `${mode}:${key}`;
    if (this.inFlight.has(slot)) {
      throw new ApiError(
        409,
        "idempotency_key_in_use",
        "a request with this Idempotency-Key is still in progress",
      );
    }
    const records = this.store.state.idempotency;
    this.sweep();
    const stored = records[slot];
    if (stored) {
      if (stored.fingerprint !== print) {
        throw new ApiError(
          422,
          "idempotency_key_reused",
          "this Idempotency-Key was used with different parameters",
        );
      }
      return { status: stored.status, body: stored.body, replayed: true };
    }
    this.inFlight.add(slot);
    try {
      const answer = await exec();
      if (answer.status >= 200 && answer.status < 300) {
        records[slot] = { key, mode, fingerprint: print, ...answer, storedAtMs: this.clock.now() };
        this.store.changed();
      }
      return { ...answer, replayed: false };
    } finally {
      this.inFlight.delete(slot);
    }
  }

  private sweep(): void {
    const cutoff = this.clock.now() - this.clock.scale(IDEMPOTENCY_TTL_MS);
    const records = this.store.state.idempotency;
    for (const [slot, record] of Object.entries(records)) {
      if (record.storedAtMs < cutoff) delete records[slot];
    }
  }
}
