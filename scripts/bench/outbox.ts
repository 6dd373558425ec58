// npm run bench:outbox — the outbox's throughput and latency against the database in DATABASE_URL
// (already migrated; use PostgreSQL, PGlite's figures mean little): N jobs with a no-op handler
// drained by D dispatchers (jobs/s), then the delay from a job's commit to its handler starting,
// with the in-process wake a Node host has. Prints figures and the load average; asserts nothing
// but "every job ran exactly once". Its jobs are deleted afterwards.
//
//   DATABASE_URL=postgresql://… npm run bench:outbox -- [jobs=2000] [dispatchers=2] [batch=20] [samples=50]
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";

const arg = (name: string, fallback: number) => {
  const raw = process.argv.find((a) => a.startsWith(`${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number from 1, got ${raw}`);
  return value;
};
const jobs = arg("jobs", 2000);
const dispatchers = arg("dispatchers", 2);
const batch = arg("batch", 20);
const samples = arg("samples", 50);

// Emails go to a local mailbox in this process, so "commit to send" includes rendering and SMTP.
const { startMailbox } = await import("../stack/mailbox");
const mailbox = await startMailbox();
process.env.SMTP_URL = mailbox.smtpUrl;

// Modules that read the configuration as they load: imported once the arguments are checked.
const { db } = await import("../../lib/db");
const { createDispatcher } = await import("../../lib/outbox/dispatcher");
const { startDispatcherLoop } = await import("../../lib/outbox/loop");
const { wakeDispatchers } = await import("../../lib/outbox/wake");
const { pool } = await import("../../lib/sql");

const kind = `bench-${randomUUID().slice(0, 8)}`;
const ran = new Map<string, number>();
const noop = async (job: { key: string }) => void ran.set(job.key, (ran.get(job.key) ?? 0) + 1);

try {
  for (let i = 0; i < jobs; i += 1000) {
    await db.outboxJob.createMany({
      data: Array.from({ length: Math.min(1000, jobs - i) }, (_, j) => ({ key: `${kind}:${i + j}`, kind })),
    });
  }
  const started = performance.now();
  await Promise.all(
    Array.from({ length: dispatchers }, () =>
      createDispatcher({ handlers: { [kind]: noop }, batchSize: batch }).runDue(),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const twice = [...ran.values()].filter((count) => count !== 1).length;
  console.log(
    `throughput: ${jobs} jobs in ${seconds.toFixed(2)} s = ${Math.round(jobs / seconds)} jobs/s ` +
      `(${dispatchers} dispatchers, batch ${batch}); ran ${ran.size}, not exactly once: ${twice}`,
  );
  if (ran.size !== jobs || twice) process.exitCode = 1;

  // Commit to handler start, woken in-process as after a commit on a Node host.
  const delays: number[] = [];
  const waiting = new Map<string, (at: number) => void>();
  const latencyKind = `${kind}-latency`;
  const loop = startDispatcherLoop(
    createDispatcher({
      handlers: { [latencyKind]: async (job) => waiting.get(job.key)?.(performance.now()) },
    }),
  );
  await loop.idle();
  for (let i = 0; i < samples; i++) {
    const key = `${latencyKind}:${i}`;
    const handled = new Promise<number>((resolve) => waiting.set(key, resolve));
    await db.outboxJob.create({ data: { key, kind: latencyKind } });
    const committed = performance.now();
    wakeDispatchers();
    delays.push((await handled) - committed);
  }
  await loop.stop();
  console.log(`commit to handler start: ${percentilesOf(delays)} (${samples} jobs)`);

  // Commit to the email accepted by the SMTP server: a receipt rendered and sent per job.
  const { createElement } = await import("react");
  const { ReceiptEmail } = await import("../../lib/mail/templates/receipt-email");
  const { sendMail } = await import("../../lib/mail/send-mail");
  const order = {
    ...{ id: "BENCH", code: "BENC-H0", email: "bench@example.com", status: "PAID", totalCents: 1798 },
    items: [{ name: "Field notebook", variantTitle: null, quantity: 2, unitPriceCents: 899 }],
    ...{
      txHash: "0xfeed",
      explorerUrl: "https://basescan.org/tx/0xfeed",
      chain: "base",
      currencySymbol: "USDC",
    },
    ...{ amountPaidUsd: "17.98", paidAt: new Date(), needsReview: false, reviewReason: null },
    ...{
      refund: {
        status: "NONE",
        percent: null,
        amountUsd: null,
        reason: null,
        merchantMessage: null,
        txHash: null,
        explorerUrl: null,
      },
      orderUrl: "http://localhost/orders/BENCH",
      adminUrl: "http://localhost/admin",
      cartUrl: "http://localhost/cart",
    },
  };
  const sent: number[] = [];
  const mailKind = `${kind}-mail`;
  const mailLoop = startDispatcherLoop(
    createDispatcher({
      handlers: {
        [mailKind]: (job) =>
          sendMail({
            key: job.key,
            to: order.email,
            subject: "bench",
            body: createElement(ReceiptEmail, { order }),
          }),
      },
    }),
  );
  await mailLoop.idle();
  for (let i = 0; i < samples; i++) {
    const before = mailbox.messages.length;
    await db.outboxJob.create({ data: { key: `${mailKind}:${i}`, kind: mailKind } });
    const committed = performance.now();
    wakeDispatchers();
    while (mailbox.messages.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
    sent.push(performance.now() - committed);
  }
  await mailLoop.stop();
  console.log(`commit to email caught by the SMTP server: ${percentilesOf(sent)} (${samples} receipts)`);
  console.log(
    `load average: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await db.outboxJob.deleteMany({ where: { kind: { startsWith: kind } } });
  await db.$disconnect();
  await pool().end();
  await mailbox.stop();
}

function percentilesOf(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}
