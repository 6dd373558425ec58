// How the live server (lib/live) hears that an order changed. The after-commit hook
// (after-commit.ts) announces every committed change, and only it:
// - "postgres": NOTIFY inside the transaction that made the change, so it is delivered only if
//   the change commits, to every app instance LISTENing on the database;
// - "memory": an in-process event after the commit, for a single instance (and for PGlite,
//   whose notifications do not reach other connections).
// The emitter lives on globalThis because the custom server and Next's bundle load this module
// separately in the same process; both must see one bus.
import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export const CHANNEL = "order_changed";

type Listener = (orderId: string) => void;

const BUS = Symbol.for("qbitflow-starter.order-change-bus");
const globalBus = globalThis as typeof globalThis & { [BUS]?: EventEmitter };

function emitter(): EventEmitter {
  globalBus[BUS] ??= new EventEmitter().setMaxListeners(0);
  return globalBus[BUS];
}

/**
 * The final SELECT of the statement that changes the order (postgres mode: a NOTIFY, delivered
 * only if the transaction commits; memory mode: nothing, see announceAfterCommit).
 */
export function announceInStatement(orderId: string): Prisma.Sql {
  return getEnv().LIVE_BUS === "postgres"
    ? Prisma.sql`SELECT pg_notify(${CHANNEL}, ${orderId})`
    : Prisma.sql`SELECT 1`;
}

/** After the transaction that changed the order committed (memory mode; postgres: nothing). */
export function announceAfterCommit(orderId: string): void {
  if (getEnv().LIVE_BUS === "memory") emitter().emit(CHANNEL, orderId);
}

export interface ChangeSubscription {
  close(): Promise<void>;
}

/** Calls `listener` with the id of every order whose change commits, from any instance. */
export async function subscribeToOrderChanges(listener: Listener): Promise<ChangeSubscription> {
  const env = getEnv();
  if (env.LIVE_BUS === "memory") {
    emitter().on(CHANNEL, listener);
    return { close: async () => void emitter().off(CHANNEL, listener) };
  }
  return listenOnPostgres(env.DATABASE_URL, listener);
}

async function listenOnPostgres(connectionString: string, listener: Listener): Promise<ChangeSubscription> {
  let closed = false;
  let client: pg.Client | undefined;
  // A dropped LISTEN connection would silently stop live updates: reconnect until closed.
  const reconnectSoon = () => {
    if (!closed) setTimeout(() => void connect().catch(reconnectSoon), 1_000).unref();
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) listener(message.payload);
    });
    next.on("error", () => {
      next.end().catch(() => {});
      reconnectSoon();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
