/**
 * SPEC §11: authenticated `GET /api/v1/current-user` (session lookup, live grants, the user and
 * their roles) against a bare node:http server with a fixed JSON body, in the same run with the
 * same load: ≥ 40% of the baseline's requests per second, p99 ≤ 10 ms at 50 connections.
 *
 * Both servers run side by side and are measured in turns, several rounds: other work on the
 * machine comes and goes, and alternating keeps it from favouring one side. The checks take the
 * median round. Bare Fastify answering the same fixed body is measured in each round too, as a
 * reference: the share of the gap that the framework alone accounts for.
 */
import { startChild } from "../child.js";
import { startCohort } from "../cohort.js";
import { cleanRuns, type Scenario } from "../context.js";
import { measure, type LoadResult } from "../load.js";
import { pct, type Measurement } from "../report.js";
import { createStore } from "../stores.js";

export const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const cpu = (rounds: Record<string, LoadResult>[], side: string) => Math.round(median(rounds.map((r) => r[side]?.cpuPerRequestUs ?? NaN)));

export const currentUser: Scenario = {
  name: "current-user",
  title: "authenticated GET /api/v1/current-user vs bare node:http (SQLite)",
  async run({ build, settings, log }) {
    const store = await createStore("sqlite");
    const baselineServer = await startChild(build.file("bench/baseline-server.ts"));
    const fastifyServer = await startChild(build.file("bench/fastify-server.ts"));
    const measurements: Measurement[] = [];
    const rounds: { baseline: LoadResult; fastify: LoadResult; cohort: LoadResult }[] = [];
    try {
      const server = await startCohort(build, store);
      try {
        const token = await server.login();
        const target = { url: `${server.url}/api/v1/current-user`, headers: { authorization: `Bearer ${token}` } };
        for (let round = 1; round <= ROUNDS; round++) {
          log(`current-user: round ${round}/${ROUNDS}, baseline node:http`);
          const baseline = await measure({ url: baselineServer.url }, settings, baselineServer);
          log(`current-user: round ${round}/${ROUNDS}, bare Fastify (reference)`);
          const fastify = await measure({ url: fastifyServer.url }, settings, fastifyServer);
          log(`current-user: round ${round}/${ROUNDS}, Cohort on SQLite`);
          const cohort = await measure(target, settings, server);
          rounds.push({ baseline, fastify, cohort });
          measurements.push(
            { label: `round ${round}: bare node:http, 62-byte JSON`, result: baseline },
            { label: `round ${round}: bare Fastify, same body (reference)`, result: fastify },
            { label: `round ${round}: Cohort GET /api/v1/current-user`, result: cohort },
          );
        }
      } finally {
        await server.stop();
      }
    } finally {
      await Promise.all([baselineServer.stop(), fastifyServer.stop()]);
      await store.drop();
    }

    const ratio = median(rounds.map((r) => r.cohort.rps / r.baseline.rps));
    const p99 = median(rounds.map((r) => r.cohort.p99));
    return {
      name: this.name,
      title: this.title,
      measurements,
      checks: [
        { what: `Cohort req/s ÷ baseline req/s (median of ${ROUNDS} rounds)`, value: pct(ratio), target: "≥ 40%", pass: ratio >= 0.4 },
        {
          what: `Cohort p99 at ${settings.connections} connections (median of ${ROUNDS} rounds)`,
          value: `${p99} ms`,
          target: "≤ 10 ms",
          pass: p99 <= 10,
        },
        ...rounds.flatMap((r, i) =>
          cleanRuns({
            [`round ${i + 1} baseline`]: r.baseline,
            [`round ${i + 1} fastify`]: r.fastify,
            [`round ${i + 1} cohort`]: r.cohort,
          }),
        ),
      ],
      notes: [
        `Server CPU per request, median round: baseline ${cpu(rounds, "baseline")} µs, bare Fastify ${cpu(rounds, "fastify")} µs, ` +
          `Cohort ${cpu(rounds, "cohort")} µs.`,
        `Bare Fastify req/s ÷ baseline req/s (median round, reference only): ${pct(median(rounds.map((r) => r.fastify.rps / r.baseline.rps)))}.`,
      ],
    };
  },
};
