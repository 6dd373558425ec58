// The load generator: `concurrency` workers in this process, each sending the next delivery as
// soon as its previous one is answered, over keep-alive connections (one per worker).
import http from "node:http";
import { signatureHeader, type Delivery } from "./deliveries";

export interface LoadResult {
  requests: number;
  wallMs: number;
  /** Per-request latency in milliseconds, in completion order. */
  latencies: number[];
  /** Status code (or "network") → count, for everything that was not the expected status. */
  errors: Map<string, number>;
  /** A few unexpected answers, for the report. */
  errorSamples: string[];
  /** Deliveries not answered with the expected status, to send again as QBitFlow would. */
  failed: Delivery[];
  /** 200 answers whose body said `"duplicate": true`. */
  duplicatesAcknowledged: number;
}

interface Answer {
  status: number;
  body: string;
}

function post(agent: http.Agent, url: URL, delivery: Delivery, secret: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": delivery.body.length,
          "qbitflow-signature": signatureHeader(delivery, secret),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(delivery.body);
  });
}

export async function runLoad(options: {
  url: URL;
  deliveries: Delivery[];
  concurrency: number;
  secret: string;
  /** The status every answer should have; anything else counts as an error. */
  expectStatus?: number;
}): Promise<LoadResult> {
  const { url, deliveries, concurrency, secret, expectStatus = 200 } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const errorSamples: string[] = [];
  let duplicatesAcknowledged = 0;
  let next = 0;
  const failed: Delivery[] = [];

  const fail = (key: string, sample: string, delivery: Delivery) => {
    failed.push(delivery);
    errors.set(key, (errors.get(key) ?? 0) + 1);
    if (errorSamples.length < 5) errorSamples.push(sample.slice(0, 300));
  };

  const worker = async () => {
    for (;;) {
      const delivery = deliveries[next++];
      if (!delivery) return;
      const started = process.hrtime.bigint();
      try {
        const answer = await post(agent, url, delivery, secret);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (answer.status !== expectStatus)
          fail(String(answer.status), `${answer.status} ${answer.body}`, delivery);
        else if (/"duplicate"\s*:\s*true/.test(answer.body)) duplicatesAcknowledged++;
      } catch (error) {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        fail("network", `network: ${(error as Error).message}`, delivery);
      }
    }
  };

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return {
    requests: deliveries.length,
    wallMs,
    latencies,
    errors,
    errorSamples,
    failed,
    duplicatesAcknowledged,
  };
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles. */
export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN, mean };
}
