// A child process of `npm run bench:live` that holds the fan-out subscribers, so their message
// handling runs in an event loop (and on a CPU) of its own rather than in the process that
// commits the change and keeps the time. Driven over IPC by live-fanout.ts, one command at a
// time; every answer is a single message.
import { arrivals, openSubscribers, type Subscriber } from "./live-clients";
import type { FanoutCommand, FanoutReply } from "./live-fanout";

const now = () => performance.timeOrigin + performance.now();
let subscribers: Subscriber[] = [];

const reply = (message: FanoutReply) => process.send?.(message);

process.on("message", (command: FanoutCommand) => {
  void (async () => {
    switch (command.type) {
      case "open": {
        const opened = await openSubscribers(
          command.wsUrl,
          command.orderId,
          command.count,
          "CONFIRMING",
          now,
        );
        subscribers = opened.subscribers;
        return reply({ type: "opened", failures: opened.failures, connectMs: opened.connectMs });
      }
      case "collect":
        return reply({ type: "arrivals", ...(await arrivals(subscribers, command.timeoutMs)) });
      case "close":
        for (const subscriber of subscribers) subscriber.close();
        subscribers = [];
        return reply({ type: "closed" });
    }
  })().catch((error: unknown) => reply({ type: "error", message: String(error) }));
});
process.on("disconnect", () => process.exit(0));
