// For integration tests of the admin's operations: a valid session token and FormData built
// from a plain object (arrays become repeated fields, Files stay files).
import { signSession } from "@/lib/admin/session/session-token";

export const TEST_ADMIN_PASSWORD = "admin-password-for-the-tests";

/** A session token the operations accept (ADMIN_PASSWORD must be TEST_ADMIN_PASSWORD, set before lib/env loads). */
export const adminSession = () => signSession(TEST_ADMIN_PASSWORD);

export function formOf(fields: Record<string, string | string[] | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) data.append(name, item);
    else data.set(name, value);
  }
  return data;
}

/** A valid 1×1 PNG; `salt` adds bytes after its end (decoders ignore them) to make it a file of its own. */
export function tinyPng(salt = ""): Uint8Array {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  return new Uint8Array(Buffer.concat([png, Buffer.from(salt)]));
}
