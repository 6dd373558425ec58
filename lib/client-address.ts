// Which client a request comes from: the admin login limit and the checkout limit key on it.
// Behind Vercel or a reverse proxy the first x-forwarded-for hop is the client; x-real-ip is the
// fallback some proxies set.
// Without a proxy these headers can be forged, so a determined attacker can rotate them: the
// limit slows guessing, the 12+ character password is what stops it.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 100);
}
