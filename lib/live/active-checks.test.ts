import { afterEach, describe, expect, it, vi } from "vitest";
import { ActiveChecks } from "./active-checks";

afterEach(() => vi.useRealTimers());

describe("ActiveChecks", () => {
  it("runs one shared check per order per interval, however many watch it", async () => {
    vi.useFakeTimers();
    const check = vi.fn(async () => ({ final: false }));
    const checks = new ActiveChecks(check, 3_000);
    checks.watch("a");
    checks.watch("a");
    checks.watch("a");

    await vi.advanceTimersByTimeAsync(2_999);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(check).toHaveBeenCalledTimes(4);
    checks.stopAll();
  });

  it("stops when the order is final", async () => {
    vi.useFakeTimers();
    const check = vi.fn(async () => ({ final: check.mock.calls.length >= 2 }));
    const checks = new ActiveChecks(check, 1_000);
    checks.watch("a");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(checks.size).toBe(0);
  });

  it("stops when the last watcher leaves, not before", async () => {
    vi.useFakeTimers();
    const check = vi.fn(async () => ({ final: false }));
    const checks = new ActiveChecks(check, 1_000);
    checks.watch("a");
    checks.watch("a");
    checks.unwatch("a");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(check).toHaveBeenCalledTimes(1);
    checks.unwatch("a");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(check).toHaveBeenCalledTimes(1);
    expect(checks.size).toBe(0);
  });

  it("keeps checking after a failed check", async () => {
    vi.useFakeTimers();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const check = vi.fn(async () => {
      if (check.mock.calls.length === 1) throw new Error("QBitFlow unreachable");
      return { final: true };
    });
    const checks = new ActiveChecks(check, 1_000);
    checks.watch("a");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(checks.size).toBe(0);
  });
});
