// A replacement for @electric-sql/pglite-socket's query queue. PGlite has one backend session,
// shared by every socket connection, and the stock queue interleaves the connections' protocol
// messages one by one. That is safe for whole simple queries, but the extended protocol
// (Parse, Bind, Execute, …, Sync) uses the session's unnamed statement and portal: when another
// connection's Parse lands between this connection's Parse and Bind, Bind fails with "unnamed
// prepared statement does not exist" or binds the wrong statement. This queue gives the backend
// to one connection from its first message until its batch ends (Sync, or a simple Query) and
// for as long as it holds a transaction open.
import type { PGlite } from "@electric-sql/pglite";

interface Entry {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

export class BatchAwareQueryQueue {
  private queue: Entry[] = [];
  private processing = false;
  /** The connection that owns the backend until its batch or transaction ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((entry) => {
      if (entry.handlerId !== handlerId) return true;
      entry.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection closed: roll back what it left open and hand the backend on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => {});
    this.owner = null;
    void this.process();
  }

  private next(): Entry | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((entry) => entry.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let entry = this.next(); entry; entry = this.next()) {
        let bytes = 0;
        const current = entry;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
          this.updateOwner(current);
          current.resolve(bytes);
        } catch (error) {
          this.updateOwner(current);
          current.reject(error);
        }
      }
    } finally {
      this.processing = false;
    }
  }

  private updateOwner(entry: Entry): void {
    const type = entry.message[0];
    // A startup message begins with its length (first byte 0); Sync and Query end a batch.
    const batchEnds = type === SYNC || type === QUERY || type === TERMINATE || type === 0;
    this.owner = !batchEnds || this.db.isInTransaction() ? entry.handlerId : null;
  }
}
