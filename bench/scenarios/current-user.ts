/**
 * SPEC §11: authenticated `GET /api/v1/current-user` (session lookup, live grants, the user and
 * their roles) against a bare node:http server with a fixed JSON body, in the same run with the
 * same load: ≥ 40% of the baseline's requests per second, p99 ≤ 10 ms at 50 connections.
 */
import { startChild } from "../child.js";
import { startCohort } from "../cohort.js";
import { cleanRuns, type Scenario } from "../context.js";
import { measure } from "../load.js";
import { pct } from "../report.js";
import { createStore } from "../stores.js";

export const currentUser: Scenario = {
  name: "current-user",
  title: "authenticated GET /api/v1/current-user vs bare node:http (SQLite)",
  async run({ build, settings, log }) {
    log("current-user: baseline node:http");
    const baselineServer = await startChild(build.file("bench/baseline-server.ts"));
    const baseline = await measure({ url: baselineServer.url }, settings, baselineServer).finally(() => baselineServer.stop());

    log("current-user: Cohort on SQLite");
    const store = await createStore("sqlite");
    let cohort;
    try {
      const server = await startCohort(build, store);
      try {
        const token = await server.login();
        cohort = await measure(
          { url: `${server.url}/api/v1/current-user`, headers: { authorization: `Bearer ${token}` } },
          settings,
          server,
        );
      } finally {
        await server.stop();
      }
    } finally {
      await store.drop();
    }

    const ratio = cohort.rps / baseline.rps;
    return {
      name: this.name,
      title: this.title,
      measurements: [
        { label: "bare node:http, 62-byte JSON", result: baseline },
        { label: "Cohort GET /api/v1/current-user", result: cohort },
      ],
      checks: [
        { what: "Cohort req/s ÷ baseline req/s", value: pct(ratio), target: "≥ 40%", pass: ratio >= 0.4 },
        { what: `Cohort p99 at ${settings.connections} connections`, value: `${cohort.p99} ms`, target: "≤ 10 ms", pass: cohort.p99 <= 10 },
        ...cleanRuns({ baseline, cohort }),
      ],
      notes: [],
    };
  },
};
