// A TCP proxy between the app and its database that can stall: while stalled it keeps every
// connection open and accepts new ones, but forwards nothing either way, as a network partition
// does (a refused connection fails fast; a partition just goes quiet).
import net from "node:net";

export interface StallProxy {
  /** The database URL with its host and port replaced by the proxy's. */
  url: string;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startStallProxy(databaseUrl: string): Promise<StallProxy> {
  const target = new URL(databaseUrl);
  let stalled = false;
  const held: { to: net.Socket; chunk: Buffer }[] = [];
  const sockets = new Set<net.Socket>();

  const pipe = (from: net.Socket, to: net.Socket) =>
    from.on("data", (chunk) => (stalled ? held.push({ to, chunk }) : to.write(chunk)));

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    stall: () => (stalled = true),
    resume: () => {
      stalled = false;
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
