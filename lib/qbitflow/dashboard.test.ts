import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { dashboardUrl } from "./dashboard";

const env = (values: Partial<Env>) => ({ QBITFLOW_API_URL: "https://api.qbitflow.app/v2", ...values }) as Env;

describe("dashboardUrl", () => {
  it("QBITFLOW_DASHBOARD_URL wins", () => {
    expect(dashboardUrl(env({ QBITFLOW_DASHBOARD_URL: "https://dash.example" }))).toBe(
      "https://dash.example",
    );
  });

  it("QBitFlow's own API: QBitFlow's dashboard", () => {
    expect(dashboardUrl(env({}))).toBe("https://qbitflow.app");
  });

  it("the local sandbox: its dashboard, the API URL without /v2", () => {
    expect(dashboardUrl(env({ QBITFLOW_API_URL: "http://127.0.0.1:4010/v2" }))).toBe("http://127.0.0.1:4010");
    expect(dashboardUrl(env({ QBITFLOW_API_URL: "http://localhost:4010/qbf/v2" }))).toBe(
      "http://localhost:4010/qbf",
    );
  });
});
