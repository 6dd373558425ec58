// Order ids are the capability to see an order (its page, its receipt), and QBitFlow's
// `reference`: 128 random bits in Crockford base32 (26 characters, inside QBitFlow's reference
// charset, no look-alike letters). Nobody can guess one or derive it from another.
// Web Crypto rather than node:crypto: orderCode() is also used by client components, and a
// node:crypto import there bundles the browser polyfill of Node's crypto (~140 KiB gzip).

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ORDER_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const randomBytes = (size: number) => globalThis.crypto.getRandomValues(new Uint8Array(size));

export function newOrderId(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(17); // 136 bits drawn, 130 used: 26 symbols of 5 bits
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = "";
  for (let i = 0; i < 26; i++) {
    id += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return id;
}

export function isOrderId(value: unknown): value is string {
  return typeof value === "string" && ORDER_ID_PATTERN.test(value);
}

/** The short code customers see and quote, e.g. "8F3K-2Q" (the first six symbols). */
export function orderCode(orderId: string): string {
  return `${orderId.slice(0, 4)}-${orderId.slice(4, 6)}`;
}
