import { beforeEach, describe, expect, it, vi } from "vitest";

const env = vi.hoisted(() => ({
  QBITFLOW_API_URL: "https://api.qbitflow.app/v2",
  QBITFLOW_API_KEY: undefined as string | undefined,
}));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));

describe("getQBitFlowClient", () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it("names the missing variable instead of failing on the first request", async () => {
    env.QBITFLOW_API_KEY = undefined;
    const { getQBitFlowClient } = await import("./index");
    expect(() => getQBitFlowClient()).toThrow(/QBITFLOW_API_KEY is not set/);
  });

  it("makes one client from the environment and reuses it", async () => {
    env.QBITFLOW_API_KEY = "sk_01a0_test_abc";
    const { getQBitFlowClient } = await import("./index");
    const client = getQBitFlowClient();
    expect(getQBitFlowClient()).toBe(client);
    expect(typeof client.createPaymentSession).toBe("function");
  });
});
