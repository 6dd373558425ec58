/**
 * State plus persistence. Writes are debounced and atomic (temp file + rename) so a crash
 * never leaves a half-written file; `flush()` is what `close()` awaits.
 */
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { rename, writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { emptyState, type SandboxState } from "./types";

const WRITE_DEBOUNCE_MS = 50;
let tempCounter = 0;

export class Store {
  state: SandboxState;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string | null) {
    this.state = file ? load(file) : emptyState();
  }

  /** Call after every mutation. */
  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, WRITE_DEBOUNCE_MS);
  }

  /** Drops a pending write: for a start that failed before the state was ever served. */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.write();
    }
    await this.writing;
  }

  private write(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    // Serialize now, chain the disk work so two writes never interleave.
    const text = JSON.stringify(this.state);
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        // Unique per write: two stores in one process (tests, a retried start) never share a temp.
        const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
        await writeFile(temp, text);
        await rename(temp, file);
      })
      .catch((error: unknown) => {
        // One line, no stack: the next change writes the whole state again.
        console.error(`[sandbox] could not write ${file}: ${error instanceof Error ? error.message : error}`);
      });
    return this.writing;
  }
}

function load(file: string): SandboxState {
  mkdirSync(dirname(file), { recursive: true });
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return emptyState();
  }
  try {
    const parsed = JSON.parse(text) as Partial<SandboxState>;
    if (parsed.version !== 1) throw new Error(`unknown state version ${String(parsed.version)}`);
    return { ...emptyState(), ...parsed };
  } catch (error) {
    // A corrupt file should not stop a developer: start empty, keep the old file for inspection.
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    console.error(`[sandbox] unreadable state file moved to ${aside}:`, error);
    return emptyState();
  }
}
