// SQL that turns one Prisma schema into another, computed by Prisma's own schema engine
// (the wasm build from npm, because the CLI's native engine cannot be downloaded everywhere).
// The engine insists on a live connection even for datamodel-to-datamodel diffs, so it gets a
// throwaway in-memory PGlite; nothing is written to it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "./embedded-postgres";

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

interface SchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

const require = createRequire(import.meta.url);

async function loadEngine(datamodel: string, connectionString: string): Promise<SchemaEngine> {
  // Node 20 cannot `import` a .wasm file, so instantiate it by hand the way the package's own
  // entry point would: bindings first, then the module with the bindings as its imports.
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Record<
    string,
    unknown
  > & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
    SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> };
  };
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(pkgDir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bindings.SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, () => {}, adapter);
}

/** SQL migrating a database from `from` (null = empty) to `to`; "" when they are the same. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const scratch = await startEmbeddedPostgres();
  const engine = await loadEngine(to, scratch.url);
  try {
    const result = await engine.diff({
      from:
        from === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? "";
    return sql.includes("This is an empty migration") ? "" : sql;
  } finally {
    engine.free();
    await scratch.stop();
  }
}
