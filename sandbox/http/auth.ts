/** `X-API-Key` authentication (spec §1.2). The key's mode is read from the key itself. */
import { timingSafeEqual } from "node:crypto";
import type { Mode } from "../types";
import { ApiError } from "./errors";

const KEY_SHAPE =
  /^sk_([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})_(test|live)_([A-Za-z0-9]+)$/;

export interface ParsedKey {
  uuid: string;
  mode: Mode;
}

export function parseApiKey(key: string): ParsedKey | null {
  const match = KEY_SHAPE.exec(key);
  if (!match) return null;
  return { uuid: (match[1] as string).toLowerCase(), mode: match[2] as Mode };
}

export function assertValidKeyShape(key: string): void {
  if (!parseApiKey(key)) {
    throw new Error(`API key "${key}" does not have the v2 shape sk_<uuid>_<test|live>_<secret>`);
  }
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function authenticate(header: string | string[] | undefined, accepted: string[]): ParsedKey {
  const key = typeof header === "string" ? header.trim() : "";
  if (!key) throw new ApiError(401, "unauthorized", "missing X-API-Key header");
  // Compare against every accepted key so timing does not reveal which prefix matched.
  let ok = false;
  for (const candidate of accepted) ok = sameString(key, candidate) || ok;
  const parsed = parseApiKey(key);
  if (!ok || !parsed) throw new ApiError(401, "unauthorized", "unknown API key");
  return parsed;
}
