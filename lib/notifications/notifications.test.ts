// The notifications' jobs, run against a stand-in order and mailer: who gets each email, when it
// is skipped after all (and with what reason for the job log), and that the registry refuses two
// notifications with one job kind.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailOrder } from "@/lib/mail/order-for-mail";
import { PermanentJobError, type ClaimedJob } from "@/lib/outbox/dispatcher";

const env = vi.hoisted(() => ({ MERCHANT_EMAIL: "shop@example.com" as string | undefined }));
const orders = vi.hoisted(() => new Map<string, unknown>());
const sent = vi.hoisted(() => [] as { key: string; to: string; subject: string }[]);
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/mail/order-for-mail", () => ({ orderForMail: async (id: string) => orders.get(id) ?? null }));
vi.mock("@/lib/mail/send-mail", () => ({
  sendMail: async ({ key, to, subject }: { key: string; to: string; subject: string }) => {
    sent.push({ key, to, subject });
    return `sent to ${to}`;
  },
}));
vi.mock("@/lib/qbitflow/dashboard", () => ({ dashboardUrl: () => "https://dashboard.example" }));

const { handlersOf, jobHandlers, notifications } = await import("./index");

const order = (overrides: Partial<MailOrder> = {}) =>
  ({
    id: "ORD1",
    code: "ORD1-XY",
    email: "ann@example.com",
    status: "PAID",
    totalCents: 2468,
    items: [],
    refund: { status: "NONE" },
    ...overrides,
  }) as MailOrder;
const job = (kind: string, payload: Record<string, unknown> = {}): ClaimedJob =>
  ({ id: "j1", key: `${kind}:ORD1`, kind, orderId: "ORD1", payload }) as unknown as ClaimedJob;
const run = (kind: string, payload?: Record<string, unknown>) =>
  jobHandlers[kind]!(job(kind, payload), new AbortController().signal);

beforeEach(() => {
  env.MERCHANT_EMAIL = "shop@example.com";
  orders.clear();
  sent.length = 0;
});

describe("the registry", () => {
  it("has one handler per notification, by its job kind", () => {
    expect(Object.keys(jobHandlers).sort()).toEqual(notifications.map((n) => n.kind).sort());
    expect(Object.keys(jobHandlers)).toHaveLength(7);
  });

  it("refuses two notifications with one job kind", () => {
    expect(() =>
      handlersOf([notifications[0]!, { ...notifications[1]!, kind: notifications[0]!.kind }]),
    ).toThrow(/two notifications share the outbox job kind "receipt"/);
  });
});

describe("a customer's email", () => {
  it("goes to the order's address, with the job's key (the Message-ID's source)", async () => {
    orders.set("ORD1", order());
    expect(await run("receipt")).toBe("sent to ann@example.com");
    expect(sent).toEqual([
      { key: "receipt:ORD1", to: "ann@example.com", subject: expect.stringContaining("ORD1-XY") },
    ]);
  });

  it("is skipped, not failed, when the customer gave no email", async () => {
    orders.set("ORD1", order({ email: null }));
    expect(await run("receipt")).toBe("skipped: the customer gave no email");
    expect(sent).toEqual([]);
  });

  it("fails for good when its order no longer exists", async () => {
    await expect(run("receipt")).rejects.toBeInstanceOf(PermanentJobError);
  });

  it("'checkout closed' is skipped once a late payment made the order paid", async () => {
    orders.set("ORD1", order({ status: "PAID" }));
    expect(await run("checkout-closed", { status: "EXPIRED" })).toBe("skipped: the order is PAID now");
    orders.set("ORD1", order({ status: "EXPIRED" }));
    expect(await run("checkout-closed", { status: "EXPIRED" })).toBe("sent to ann@example.com");
  });

  it("the refund notice is skipped unless the refund is sent", async () => {
    orders.set("ORD1", order({ refund: { status: "PENDING" } as MailOrder["refund"] }));
    expect(await run("refund-notice")).toBe("skipped: the refund is PENDING now");
    expect(sent).toEqual([]);
  });
});

describe("a merchant's email", () => {
  it("goes to MERCHANT_EMAIL, the customer's address aside", async () => {
    orders.set("ORD1", order({ email: null }));
    expect(await run("merchant-paid")).toBe("sent to shop@example.com");
    expect(await run("merchant-refund-request")).toBe("sent to shop@example.com");
    expect(await run("merchant-review", { reason: "paid twice" })).toBe("sent to shop@example.com");
    expect(sent.map((mail) => mail.to)).toEqual(Array(3).fill("shop@example.com"));
  });

  it("is skipped without MERCHANT_EMAIL, before the order is read", async () => {
    env.MERCHANT_EMAIL = undefined;
    // No order stored: reading it would fail the job for good.
    for (const kind of ["merchant-paid", "merchant-review", "merchant-refund-request"]) {
      expect(await run(kind)).toBe("skipped: MERCHANT_EMAIL is not set");
    }
    expect(sent).toEqual([]);
  });
});
