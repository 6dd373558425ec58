// The app server's memory as its own runtime reports it, after a full garbage collection, read
// through the Node inspector: the server is started with `--inspect-port=127.0.0.1:0` in
// NODE_OPTIONS (inert until asked) and the inspector is switched on with SIGUSR1 only for the
// fan-out rounds, after the latency trials. Resident memory alone says little about one
// connection: freed heap pages stay resident, so a second round reuses the first one's.
import WebSocket from "ws";

export const INSPECT_NODE_OPTION = "--inspect-port=127.0.0.1:0";

export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface Inspector {
  /** Collects garbage (twice), then reads process.memoryUsage() (bytes). */
  memory(): Promise<MemoryUsage>;
  close(): void;
}

export async function openInspector(url: string): Promise<Inspector> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  socket.on("message", (data: Buffer) => {
    const reply = JSON.parse(data.toString("utf8")) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => {
        pending.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async memory() {
      // Twice: objects kept alive by finalizers or weak callbacks go in the second pass.
      await call("HeapProfiler.collectGarbage");
      await new Promise((resolve) => setTimeout(resolve, 100));
      await call("HeapProfiler.collectGarbage");
      const result = (await call("Runtime.evaluate", {
        expression: "JSON.stringify(process.memoryUsage())",
        returnByValue: true,
      })) as { result: { value: string } };
      return JSON.parse(result.result.value) as MemoryUsage;
    },
    close: () => socket.close(),
  };
}
