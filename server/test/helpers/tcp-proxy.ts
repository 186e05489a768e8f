// A TCP proxy on loopback between the service and PostgreSQL, so a test can take the database
// away (every connection cut, new ones refused), bring it back, or make it slow, without touching
// the machine's PostgreSQL server.
import net, { type AddressInfo } from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  port: number;
  /** Cuts every connection and refuses new ones. */
  down(): void;
  /** Accepts connections again. */
  up(): void;
  /** Holds every chunk from the database for `ms` (0: none). */
  slow(ms: number): void;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (host:port). */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let available = true;
  let delay = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!available) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (delay === 0) client.write(chunk);
      else setTimeout(() => client.writable && client.write(chunk), delay).unref();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    down() {
      available = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      available = true;
    },
    slow(ms) {
      delay = ms;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
