import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findSecrets, hobbyCronProblem, listFunctions } from "./output-checks";

describe("hobbyCronProblem", () => {
  it.each(["17 4 * * *", "0 0 * * *", "59 23 * * 1", "0 12 1 * *"])("accepts the daily %s", (schedule) => {
    expect(hobbyCronProblem(schedule)).toBeNull();
  });

  it.each(["*/5 * * * *", "0 * * * *", "0 */6 * * *", "0 1,13 * * *", "0-5 4 * * *", "* 4 * * *"])(
    "refuses %s, which runs more than once a day",
    (schedule) => {
      expect(hobbyCronProblem(schedule)).toMatch(/more than once a day/);
    },
  );

  it("names a malformed expression", () => {
    expect(hobbyCronProblem("daily")).toMatch(/not a 5-field cron expression/);
    expect(hobbyCronProblem("60 4 * * *")).toMatch(/more than once a day/);
  });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vercel-output-"));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe("listFunctions", () => {
  it("sizes each function: its folder, symlinked copies and filePathMap files", () => {
    const root = tree({
      "project/node_modules/big.js": "x".repeat(1000),
      "output/functions/api/a.func/index.js": "y".repeat(100),
      "output/functions/api/a.func/.vc-config.json": JSON.stringify({
        runtime: "nodejs20.x",
        filePathMap: { "node_modules/big.js": "node_modules/big.js" },
      }),
    });
    const output = path.join(root, "output");
    mkdirSync(path.join(output, "functions/api/b.func"), { recursive: true });
    symlinkSync(
      path.join(output, "functions/api/a.func/index.js"),
      path.join(output, "functions/api/b.func/index.js"),
    );
    writeFileSync(
      path.join(output, "functions/api/b.func/.vc-config.json"),
      JSON.stringify({ runtime: "nodejs20.x" }),
    );

    const functions = listFunctions(output, path.join(root, "project"));
    const config = (name: string) =>
      Buffer.byteLength(
        JSON.stringify(
          name === "a"
            ? { runtime: "nodejs20.x", filePathMap: { "node_modules/big.js": "node_modules/big.js" } }
            : { runtime: "nodejs20.x" },
        ),
      );
    expect(functions).toEqual([
      { route: "api/a", bytes: 100 + 1000 + config("a"), runtime: "nodejs20.x", target: "api/a" },
      { route: "api/b", bytes: 100 + config("b"), runtime: "nodejs20.x", target: "api/b" },
    ]);
  });
});

describe("findSecrets", () => {
  it("names each file that contains a secret's value", () => {
    const dir = tree({
      "static/_next/chunk.js": 'const key="sk_live_FAKE_SECRET_1";',
      "static/index.html": "<p>nothing here</p>",
    });
    expect(
      findSecrets(path.join(dir, "static"), {
        QBITFLOW_API_KEY: "sk_live_FAKE_SECRET_1",
        CRON_SECRET: "cron_FAKE",
      }),
    ).toEqual([path.join("_next", "chunk.js") + ": QBITFLOW_API_KEY"]);
  });
});
