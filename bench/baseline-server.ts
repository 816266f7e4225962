/**
 * The baseline of SPEC §11: a bare `node:http` server answering every request with a fixed JSON
 * body of about 60 bytes. Runs as a child of bench/run.ts, like the Cohort server, so both get
 * the same share of the two cores while the load generator runs in the parent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { announce, BASELINE_BODY } from "./baseline-body.js";

const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(BASELINE_BODY) });
  response.end(BASELINE_BODY);
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  announce(`http://127.0.0.1:${port}`, (done) => server.close(done));
});
