/**
 * The baseline of SPEC §11: a bare `node:http` server answering every request with a fixed JSON
 * body of about 60 bytes. Runs as a child of bench/run.ts, like the Cohort server, so both get
 * the same share of the two cores while the load generator runs in the parent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const BODY = JSON.stringify({ id: "5f0c1c6e-2b7a-4c1e-9d1a-3c2b1a0f9e8d", name: "default" });

const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(BODY) });
  response.end(BODY);
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ type: "ready", url: `http://127.0.0.1:${port}` });
});

process.on("disconnect", () => server.close(() => process.exit(0)));
