import { describe, expect, it } from "vitest";
import { poolSettings } from "./sql";

describe("poolSettings", () => {
  it("keeps a long-lived server's pool at 10 connections", () => {
    expect(poolSettings({})).toEqual({ max: 10, idleTimeoutMillis: 10_000 });
  });

  it("uses a small pool with a short idle timeout on Vercel, where instances multiply", () => {
    expect(poolSettings({ VERCEL: "1" })).toEqual({ max: 5, idleTimeoutMillis: 5_000 });
  });

  it("lets DATABASE_POOL_MAX decide the size on either host", () => {
    expect(poolSettings({ VERCEL: "1", DATABASE_POOL_MAX: 2 }).max).toBe(2);
    expect(poolSettings({ DATABASE_POOL_MAX: 20 }).max).toBe(20);
  });
});
