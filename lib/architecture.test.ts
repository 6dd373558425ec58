// The rules the rest of the code relies on, checked on the source: only the order store writes
// orders and stock, no two lib/ folders import each other (directly or round a loop), and no
// client component pulls a Node module into the browser bundle.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "test" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const files = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components"), "server.ts"];
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

// Tables only the store writes at all. ProductVariant is written elsewhere too (the admin edits
// its SKU and price), but never its stock: see STOCK_WRITE.
const ORDER_TABLES = ["Order", "OrderItem", "OrderStatusChange", "StockAdjustment"];
const SQL_WRITE = new RegExp(`(INSERT INTO|UPDATE|DELETE FROM) "(${ORDER_TABLES.join("|")})"`);
const PRISMA_WRITE =
  /\.(order|orderItem|orderStatusChange|stockAdjustment)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\b/;
// A write that names stock: Prisma's `stock:` in a variant's (or nested variants') data, or SQL
// that sets "stock" or inserts a variant with it.
const STOCK_WRITE = [
  /\.productVariant\.(create|createMany|update|updateMany|upsert)\([^;]*\bstock\s*:/s,
  /\bvariants\s*:\s*\{[^;]*\b(create|createMany|update|updateMany|upsert)\b[^;]*\bstock\s*:/s,
  /SET\s+"stock"\s*=/,
  /INSERT INTO "ProductVariant"\s*\([^)]*"stock"/,
];

describe("the order store", () => {
  it("is the only code that writes orders, their items and history, and stock", () => {
    const writers = files.filter((file) => {
      const text = read(file);
      return (
        SQL_WRITE.test(text) || PRISMA_WRITE.test(text) || STOCK_WRITE.some((pattern) => pattern.test(text))
      );
    });
    expect(writers.filter((file) => !file.startsWith("lib/orders/store/"))).toEqual([]);
    expect(writers.length).toBeGreaterThan(0); // the patterns still find the store's own writes
  });

  it("imports nothing above itself: its change hook is registered from outside", () => {
    const upward = files
      .filter((file) => file.startsWith("lib/orders/store/"))
      .flatMap((file) =>
        [...read(file).matchAll(/from "([^"]+)"/g)]
          .map((match) => match[1]!)
          .filter((specifier) => {
            const target = specifier.startsWith("@/")
              ? specifier.slice(2)
              : specifier.startsWith(".")
                ? path.join(path.dirname(file), specifier)
                : "";
            return target.startsWith("lib/orders/") && !target.startsWith("lib/orders/store");
          })
          .map((specifier) => `${file} → ${specifier}`),
      );
    expect(upward).toEqual([]);
  });

  it("is imported through lib/orders/order-store.ts only, so no write runs without its hook", () => {
    const direct = files.filter(
      (file) =>
        !file.startsWith("lib/orders/store/") &&
        file !== "lib/orders/order-store.ts" &&
        localRuntimeImports(file).some((target) => target.startsWith("lib/orders/store/")),
    );
    expect(direct).toEqual([]);
    expect(read("lib/orders/order-store.ts")).toMatch(/registerChangeHook\(/);
  });

  it("tells a write of a variant's stock from a write of its other fields", () => {
    const writesStock = (text: string) => STOCK_WRITE.some((pattern) => pattern.test(text));
    expect(writesStock(`db.productVariant.update({ where: { id }, data: { stock: 5 } });`)).toBe(true);
    expect(
      writesStock(`tx.productVariant.createMany({ data: [{ productId, optionKey: "", stock: 3 }] });`),
    ).toBe(true);
    expect(
      writesStock(`db.product.create({ data: { variants: { create: [{ optionKey: "", stock: 1 }] } } });`),
    ).toBe(true);
    expect(writesStock(`UPDATE "ProductVariant" SET "stock" = 0 WHERE "id" = $1`)).toBe(true);
    expect(writesStock(`db.productVariant.update({ where: { id }, data: { sku: "TEE-M" } });`)).toBe(false);
    expect(writesStock(`db.productVariant.findMany({ select: { stock: true } });`)).toBe(false);
  });
});

const IMPORT_SPECIFIER = /(?:from|import\()\s*"([^"]+)"/g;

/** The top-level folder (app, components, lib, …) each import in `text` of `file` reaches. */
function topLevelImports(file: string, text: string): string[] {
  return [...text.matchAll(IMPORT_SPECIFIER)].flatMap(([, specifier]) => {
    if (specifier!.startsWith("@/")) return [specifier!.slice(2).split("/")[0]!];
    if (specifier!.startsWith(".")) return [path.join(path.dirname(file), specifier!).split(path.sep)[0]!];
    return [];
  });
}

// app → components → lib: a layer imports only the layers below it. Product code only: the
// integration tests in lib/ drive app/'s route handlers on purpose.
const LAYERS_ABOVE: Record<string, string[]> = { lib: ["components", "app"], components: ["app"] };

describe("the layering app → components → lib", () => {
  it("has no import from a layer to one above it", () => {
    const upward = files.flatMap((file) => {
      const above = LAYERS_ABOVE[file.split(path.sep)[0]!] ?? [];
      return topLevelImports(file, read(file))
        .filter((target) => above.includes(target))
        .map((target) => `${file} → ${target}/`);
    });
    expect(files.some((file) => file.startsWith("components/"))).toBe(true); // the files are really read
    expect(upward).toEqual([]);
  });

  it("sees imports by alias, by relative path and by dynamic import()", () => {
    const from = "lib/notifications/receipt.tsx";
    expect(topLevelImports(from, `import { A } from "@/components/mail/a";`)).toEqual(["components"]);
    expect(topLevelImports(from, `import type { B } from "../../app/b";`)).toEqual(["app"]);
    expect(topLevelImports(from, `const { C } = await import("../../components/c");`)).toEqual([
      "components",
    ]);
    expect(topLevelImports(from, `import { D } from "../outbox/d";`)).toEqual(["lib"]);
    expect(topLevelImports(from, `import { E } from "react";`)).toEqual([]);
  });
});

/** lib/orders/x.ts → "orders"; lib/db.ts → "db". */
function folderOf(file: string): string {
  return file.split(path.sep)[1]!.replace(/\.tsx?$/, "");
}

function libImports(file: string): string[] {
  const specifiers = [...read(file).matchAll(/from "([^"]+)"/g)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith("@/lib/")) return [specifier.slice("@/lib/".length).split("/")[0]!];
    if (specifier.startsWith(".")) {
      const target = path.join(path.dirname(file), specifier);
      return target.startsWith(`lib${path.sep}`) ? [folderOf(target)] : [];
    }
    return [];
  });
}

describe("lib/ folders", () => {
  it("import each other without cycles", () => {
    const graph = new Map<string, Set<string>>();
    for (const file of files.filter((file) => file.startsWith("lib/"))) {
      const from = folderOf(file);
      const edges = graph.get(from) ?? new Set<string>();
      for (const to of libImports(file)) if (to !== from && to !== "generated") edges.add(to);
      graph.set(from, edges);
    }
    const cycles: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      if (trail.includes(folder)) {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(" → "));
        return;
      }
      for (const next of graph.get(folder) ?? []) visit(next, [...trail, folder]);
    };
    for (const folder of graph.keys()) visit(folder, []);
    expect(graph.get("live")?.has("orders")).toBe(true); // the graph is really read
    expect([...new Set(cycles)]).toEqual([]);
  });
});

/** The project files `file` imports at run time (type-only imports are erased), resolved. */
function localRuntimeImports(file: string): string[] {
  const text = read(file);
  const specifiers = [...text.matchAll(/^import(?!\s+type\b)[^;]*?from "([^"]+)"/gms)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.join(path.dirname(file), specifier)
        : null;
    if (base === null) return [];
    const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
    return candidates.filter((candidate) => files.includes(candidate));
  });
}

describe("background work", () => {
  it("is started from lib/background/index.ts only: no other module imports its runners", () => {
    const runners = ["lib/background/run-jobs.ts", "lib/background/opportunistic-sweep.ts"];
    const starters = files.filter(
      (file) =>
        !runners.includes(file) && localRuntimeImports(file).some((target) => runners.includes(target)),
    );
    expect(starters).toEqual(["lib/background/index.ts"]);
  });
});

// Next's request-time modules (next/server, next/cache, next/headers, …) throw as they load
// ("AsyncLocalStorage accessed in runtime where it is not available") until next() has set up its
// storage, and the bundled dist/server.mjs loads every static import of every module it holds
// first. So nothing the custom server reaches may import one at its top: load it when first
// called (lib/after-response.ts, lib/catalog/cache-tags.ts).
const NEXT_REQUEST_TIME = /^import(?!\s+type\b)[^;]*?from "next\/(server|cache|headers|navigation)"/m;

describe("the custom server", () => {
  it("reaches no module that imports Next's request-time modules at load", () => {
    const dynamicImports = (file: string) =>
      [...read(file).matchAll(/await import\("(\.[^"]+)"\)/g)]
        .map((match) => path.join(path.dirname(file), match[1]!))
        .flatMap((base) => [`${base}.ts`, path.join(base, "index.ts")].filter((c) => files.includes(c)));
    const seen = new Set<string>();
    const offenders: string[] = [];
    const walk = (file: string, trail: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (NEXT_REQUEST_TIME.test(read(file))) offenders.push([...trail, file].join(" → "));
      for (const next of [...localRuntimeImports(file), ...dynamicImports(file)])
        walk(next, [...trail, file]);
    };
    walk("server.ts", []);
    expect(seen.has("lib/background/index.ts")).toBe(true); // the dynamic imports are really followed
    expect(offenders).toEqual([]);
  });

  it("tells a request-time import from a type-only one and from next itself", () => {
    expect(NEXT_REQUEST_TIME.test(`import { after } from "next/server";`)).toBe(true);
    expect(NEXT_REQUEST_TIME.test(`import {\n  revalidateTag,\n} from "next/cache";`)).toBe(true);
    expect(NEXT_REQUEST_TIME.test(`import type * as NextServer from "next/server";`)).toBe(false);
    expect(NEXT_REQUEST_TIME.test(`import next from "next";`)).toBe(false);
  });
});

describe("client components", () => {
  it("never reach a node: module, whose browser polyfill would ship to every visitor", () => {
    const clientEntries = files.filter((file) => /^["']use client["']/.test(read(file)));
    const offenders: string[] = [];
    for (const entry of clientEntries) {
      const seen = new Set<string>();
      const walk = (file: string, trail: string[]) => {
        // A 'use server' module reaches the browser as references to its actions, not as code.
        if (seen.has(file) || /^["']use server["']/.test(read(file))) return;
        seen.add(file);
        if (/from "node:/.test(read(file))) offenders.push([...trail, file].join(" → "));
        for (const next of localRuntimeImports(file)) walk(next, [...trail, file]);
      };
      walk(entry, []);
    }
    expect(clientEntries.length).toBeGreaterThan(10); // the entries are really found
    expect(offenders).toEqual([]);
  });
});
