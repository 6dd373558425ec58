/**
 * The hosted checkout page's own WebSocket (`/checkout/{id}/ws`). v2 has no integrator socket
 * (spec §4.2); this one only feeds the simulated page, like QBitFlow's page has its own.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

export class LiveHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly rooms = new Map<string, Set<WebSocket>>();

  /** `snapshot` returns the page view of a session, or null when it does not exist. */
  constructor(private readonly snapshot: (sessionId: string) => unknown) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = /^\/checkout\/([^/]+)\/ws$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    let id: string | null = null;
    try {
      id = match?.[1] ? decodeURIComponent(match[1]) : null;
    } catch {
      id = null;
    }
    const view = id ? this.snapshot(id) : null;
    if (!id || view === null) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const room = id;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const members = this.rooms.get(room) ?? new Set<WebSocket>();
      members.add(ws);
      this.rooms.set(room, members);
      ws.on("close", () => {
        members.delete(ws);
        if (members.size === 0) this.rooms.delete(room);
      });
      ws.send(JSON.stringify({ type: "session", session: view }));
    });
  }

  publish(sessionId: string): void {
    const members = this.rooms.get(sessionId);
    if (!members || members.size === 0) return;
    const view = this.snapshot(sessionId);
    if (view === null) return;
    const message = JSON.stringify({ type: "session", session: view });
    for (const ws of members) if (ws.readyState === ws.OPEN) ws.send(message);
  }

  close(): Promise<void> {
    for (const members of this.rooms.values()) for (const ws of members) ws.terminate();
    this.rooms.clear();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
