// The live order-status protocol at /api/live, shared by the server and the browser.
//
//   client → server  {"type":"subscribe","order":"<order id>"}   once, right after opening
//   server → client  {"type":"snapshot","order":{…OrderView}}   at once, then after every change
//                    {"type":"heartbeat"}                       every 15 s, so a client can
//                                                               tell a silent link from a dead one
// The order id is the capability: 128 random bits, the same secret as the order page's URL.
import type { OrderView } from "@/lib/orders/order-view";

export const LIVE_PATH = "/api/live";
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A client that heard nothing for this long reconnects. */
export const CLIENT_SILENCE_LIMIT_MS = 40_000;

export type ClientMessage = { type: "subscribe"; order: string };
export type ServerMessage = { type: "snapshot"; order: OrderView } | { type: "heartbeat" };

/** Close codes. 1000/1001 are WebSocket's own; the 44xx ones mean "do not reconnect". */
export const CLOSE = {
  normal: 1000,
  /** The server is shutting down or restarting: reconnect. */
  goingAway: 1001,
  /** A heartbeat went unanswered: reconnect. */
  timeout: 4008,
  /** The first message was not a valid subscribe. */
  badRequest: 4400,
  /** No such order: a wrong or guessed capability. */
  unknownOrder: 4404,
  /** The order is final: nothing more will change. */
  final: 4000,
  /** Something failed on the server: reconnect. */
  internalError: 1011,
} as const;

/** Close codes after which a client must not reconnect. */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CLOSE.normal,
  CLOSE.badRequest,
  CLOSE.unknownOrder,
  CLOSE.final,
]);

export function parseClientMessage(data: string): ClientMessage | null {
  try {
    const message: unknown = JSON.parse(data);
    if (
      typeof message === "object" &&
      message !== null &&
      (message as { type?: unknown }).type === "subscribe" &&
      typeof (message as { order?: unknown }).order === "string"
    ) {
      return { type: "subscribe", order: (message as { order: string }).order };
    }
  } catch {
    // Not JSON: falls through to null.
  }
  return null;
}
