/**
 * The access-control matrix of SPEC §9 (issue 5, item 1), on every dialect: every route the
 * server registers × every actor class (actors.ts) → the status matrix-table.ts states; the store
 * unchanged after every refusal; no refusal telling whether its target exists; and every list
 * showing exactly what single gets allow, totals included. A route without a line in the table, or
 * a list route without a source to compare with, fails the suite, so no route slips in untested.
 * The suite prints its case counts, the figures docs/security.md quotes.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachDialect } from "../helpers/dialects.js";
import { routeCatalogue, routeKey, type CatalogueRoute } from "../helpers/route-catalogue.js";
import { useTestServer } from "../helpers/server.js";
import { checkLists, type ListTally } from "./list-check.js";
import { LIST_SOURCES, UNCOMPARED_LISTS } from "./list-sources.js";
import { LAST_LINE, MATRIX, rowKey } from "./matrix-table.js";
import { REQUESTS, requestFor } from "./requests.js";
import { runRow, type Tally } from "./run-case.js";
import { buildWorld, type World } from "./world.js";

describeEachDialect("access-control matrix", (dialect) => {
  // With a metrics token, so that `/metrics` exists beside the API (matrix-table.ts).
  const t = useTestServer({ dialect, env: { COHORT_METRICS_TOKEN: "matrix-metrics-token-0b7e" } });
  let world: World;
  let routes: CatalogueRoute[];

  before(async () => {
    routes = (await routeCatalogue(t.server)).routes;
    world = await buildWorld(t.server, t.admin);
  });

  it("every registered route has a line, every line a route and a request", () => {
    const lines = new Set(MATRIX.map((row) => `${row.method} ${row.url}`));
    assert.deepEqual(
      routes.map(routeKey).filter((key) => !lines.has(key)),
      [],
      "routes without a line in matrix-table.ts",
    );
    const registered = new Set(routes.map(routeKey));
    assert.deepEqual(
      MATRIX.filter((row) => !registered.has(`${row.method} ${row.url}`)).map(rowKey),
      [],
      "lines for routes the server does not register",
    );
    assert.deepEqual(MATRIX.filter((row) => !requestFor(rowKey(row), row.url)).map(rowKey), [], "lines without a request (requests.ts)");
    const keys = new Set(MATRIX.map(rowKey));
    assert.deepEqual(
      Object.keys(REQUESTS).filter((key) => !keys.has(key)),
      [],
      "requests without a line",
    );
    assert.equal(rowKey(MATRIX.at(-1)!), LAST_LINE, "the line that ends the admin's other sessions runs last");
    const lists = routes.filter((r) => r.method === "GET" && (r.list || r.url.endsWith("/sessions"))).map(routeKey);
    assert.deepEqual(
      lists.filter((key) => !LIST_SOURCES[key] && !UNCOMPARED_LISTS[key]),
      [],
      "list routes without a source in list-sources.ts",
    );
  });

  // Before the matrix, whose successes multiply the rows every list would have to compare.
  it("every list shows exactly what single gets allow, totals included", async () => {
    const tally: ListTally = { lists: 0, gets: 0, fieldProbes: 0, failures: [] };
    await checkLists(world, LIST_SOURCES, tally);
    const figure = `access matrix: ${tally.lists} lists compared with ${tally.gets} single gets, ${tally.fieldProbes} filters and sorts field by field (${dialect.label})`;
    console.log(figure);
    assert.deepEqual(tally.failures, []);
  });

  it("every route answers every actor as the table says, and refusals write nothing", async () => {
    const publicRoutes = new Set(routes.filter((r) => r.access === "public").map(routeKey));
    const tally: Tally = { cases: 0, ghosts: 0, failures: [] };
    for (const row of MATRIX) await runRow(world, row, publicRoutes.has(`${row.method} ${row.url}`), tally);
    const figure = `access matrix: ${MATRIX.length} lines, ${tally.cases} route × actor cases, ${tally.ghosts} made-up-id probes (${dialect.label})`;
    console.log(figure);
    assert.deepEqual(tally.failures, []);
  });
});
