// One server's turn: warm-up, the optional no-database floor, then the measured run with the
// CPU meter around it.
import { startCpuMeter, type CpuUsage } from "./cpu";
import type { OrderSet } from "./database";
import { noDatabaseDeliveries, planDeliveries } from "./deliveries";
import { runLoad, type LoadResult } from "./load";
import type { RunningServer } from "./servers";

export interface MeasureOptions {
  concurrency: number;
  duplicateShare: number;
  secret: string;
  /** Also measure requests refused before the database (0: skip). */
  floorRequests: number;
  database: { url: string; name: string };
  log: (line: string) => void;
}

export interface Measured {
  name: string;
  set: OrderSet;
  eventIds: string[];
  duplicates: number;
  load: LoadResult;
  cpu: CpuUsage | undefined;
  floor: LoadResult | undefined;
  floorCpu: CpuUsage | undefined;
  /** Requests sent again after a non-2xx answer (QBitFlow retries those), and those still failing. */
  redelivered: number;
  stillFailing: number;
}

const REDELIVERY_ROUNDS = 3;

const errorTotal = (result: LoadResult) => [...result.errors.values()].reduce((sum, n) => sum + n, 0);

export async function measure(
  server: RunningServer,
  warmup: OrderSet,
  set: OrderSet,
  options: MeasureOptions,
): Promise<Measured> {
  const { concurrency, secret, log } = options;
  const name = server.name;
  const warm = planDeliveries(warmup, 0);
  if (warm.deliveries.length > 0) {
    const result = await runLoad({ url: server.url, deliveries: warm.deliveries, concurrency, secret });
    log(`${name}: warm-up ${warm.deliveries.length} requests, ${errorTotal(result)} errors`);
    if (result.errorSamples[0]) log(`  e.g. ${result.errorSamples[0]}`);
  }

  let floor: LoadResult | undefined;
  let floorCpu: CpuUsage | undefined;
  if (options.floorRequests > 0) {
    const deliveries = noDatabaseDeliveries(options.floorRequests);
    await runLoad({
      url: server.url,
      deliveries: deliveries.slice(0, 100),
      concurrency,
      secret,
      expectStatus: 400,
    });
    const floorMeter = await startCpuMeter(server.pid, options.database.url, options.database.name);
    floor = await runLoad({ url: server.url, deliveries, concurrency, secret, expectStatus: 400 });
    floorCpu = await floorMeter.stop();
    log(`${name}: no-database floor measured (${deliveries.length} requests)`);
  }

  const plan = planDeliveries(set, options.duplicateShare);
  log(`${name}: measuring ${plan.deliveries.length} requests at concurrency ${concurrency}`);
  const meter = await startCpuMeter(server.pid, options.database.url, options.database.name);
  const load = await runLoad({ url: server.url, deliveries: plan.deliveries, concurrency, secret });
  const cpu = await meter.stop();
  // Not part of the figures: what QBitFlow would do next. An event refused with a 5xx is not
  // lost as long as a later delivery succeeds, so the database checks come after this.
  let failed = load.failed;
  let redelivered = 0;
  for (let round = 0; round < REDELIVERY_ROUNDS && failed.length > 0; round++) {
    log(`${name}: redelivering ${failed.length} requests that were not answered 200`);
    redelivered += failed.length;
    failed = (await runLoad({ url: server.url, deliveries: failed, concurrency: 5, secret })).failed;
  }
  return {
    redelivered,
    stillFailing: failed.length,
    name,
    set,
    eventIds: plan.eventIds,
    duplicates: plan.duplicates,
    load,
    cpu,
    floor,
    floorCpu,
  };
}
