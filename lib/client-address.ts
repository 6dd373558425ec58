// Which client a request comes from: the admin login limit and the checkout limit key on it.
// Only an address the host vouches for counts; a header the client wrote is never believed:
//   - a plain Node host (server.ts): the TCP peer. server.ts writes it into CLIENT_ADDRESS_HEADER,
//     replacing any copy the request carried, and marks the process so the header is believed;
//   - behind TRUSTED_PROXY_HOPS reverse proxies: the address the outermost trusted proxy saw,
//     counted from the right of X-Forwarded-For (entries further left were written by the client);
//   - on Vercel: x-vercel-forwarded-for, which Vercel's edge sets and overwrites.
// Anything else is "unknown": one shared bucket, which is what a spoofing client must fall into.
import { isIP } from "node:net";
import { getEnv } from "./env";

/** The request header server.ts sets from the socket. Not a standard header on purpose. */
export const CLIENT_ADDRESS_HEADER = "x-qbitflow-client-address";

const CUSTOM_SERVER = Symbol.for("qbitflow-starter.custom-server");
const marker = globalThis as typeof globalThis & { [CUSTOM_SERVER]?: boolean };

/** Called by server.ts: in this process, CLIENT_ADDRESS_HEADER is written by us. */
export function markCustomServer(): void {
  marker[CUSTOM_SERVER] = true;
}

export interface AddressPolicy {
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none). */
  trustedProxyHops: number;
  /** Running on Vercel (it sets VERCEL=1). */
  onVercel: boolean;
  /** CLIENT_ADDRESS_HEADER comes from server.ts, not from the client. */
  socketHeaderTrusted: boolean;
}

/** An IP address, with IPv4-mapped IPv6 (::ffff:1.2.3.4) read as IPv4; anything else: null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/^\[(.*)\]$/, "$1") ?? "";
  const address =
    text.toLowerCase().startsWith("::ffff:") && isIP(text.slice(7)) === 4 ? text.slice(7) : text;
  return isIP(address) ? address : null;
}

const list = (value: string | null) =>
  value
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean) ?? [];

export function clientAddress(headers: Headers, policy: AddressPolicy = hostPolicy()): string {
  if (policy.onVercel) {
    const vercel = list(headers.get("x-vercel-forwarded-for"))[0] ?? list(headers.get("x-forwarded-for"))[0];
    return normalizeAddress(vercel) ?? "unknown";
  }
  const socket = policy.socketHeaderTrusted ? headers.get(CLIENT_ADDRESS_HEADER) : null;
  // The chain as the last hop sees it: what the proxies appended, then the TCP peer.
  const chain = [...list(headers.get("x-forwarded-for")), ...(socket ? [socket] : [])];
  const hops = Math.max(0, policy.trustedProxyHops);
  // With hops, the peer is our own proxy; without the socket (no server.ts) it is not in the chain.
  const index = socket ? chain.length - 1 - hops : chain.length - hops;
  if (!socket && hops === 0) return "unknown";
  // A chain shorter than the hops came around a proxy: its first entry is all that can be had.
  return normalizeAddress(chain[Math.max(0, Math.min(index, chain.length - 1))]) ?? "unknown";
}

function hostPolicy(): AddressPolicy {
  const env = getEnv();
  return {
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    onVercel: env.VERCEL === "1",
    socketHeaderTrusted: marker[CUSTOM_SERVER] === true,
  };
}
