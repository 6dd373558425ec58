// While somebody watches an open order, the server asks QBitFlow about it itself, so the page
// moves on even when webhooks cannot reach the app (a laptop against the real QBitFlow). One
// shared check per order however many watch it, one request per interval, stopping when the
// order is final or nobody watches any more.
export type OrderCheck = (orderId: string) => Promise<{ final: boolean }>;

export class ActiveChecks {
  private readonly watched = new Map<string, { watchers: number; timer: NodeJS.Timeout | null }>();

  constructor(
    private readonly check: OrderCheck,
    private readonly intervalMs = 3_000,
  ) {}

  /** Orders being checked now. */
  get size(): number {
    return this.watched.size;
  }

  watch(orderId: string): void {
    const entry = this.watched.get(orderId);
    if (entry) {
      entry.watchers += 1;
      return;
    }
    this.watched.set(orderId, { watchers: 1, timer: null });
    this.schedule(orderId);
  }

  unwatch(orderId: string): void {
    const entry = this.watched.get(orderId);
    if (!entry) return;
    entry.watchers -= 1;
    if (entry.watchers <= 0) this.stop(orderId);
  }

  stop(orderId: string): void {
    const entry = this.watched.get(orderId);
    if (entry?.timer) clearTimeout(entry.timer);
    this.watched.delete(orderId);
  }

  stopAll(): void {
    for (const orderId of [...this.watched.keys()]) this.stop(orderId);
  }

  private schedule(orderId: string): void {
    const entry = this.watched.get(orderId);
    if (!entry) return;
    entry.timer = setTimeout(() => void this.run(orderId), this.intervalMs);
    entry.timer.unref();
  }

  private async run(orderId: string): Promise<void> {
    let final = false;
    try {
      ({ final } = await this.check(orderId));
    } catch (error) {
      // QBitFlow or the database is away for now: try again next interval.
      console.error(
        `[live] status check of ${orderId} failed: ${error instanceof Error ? error.message : error}`,
      );
    }
    if (final) this.stop(orderId);
    else this.schedule(orderId);
  }
}
