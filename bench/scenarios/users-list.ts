/**
 * SPEC §11: `GET /api/v1/users?size=50` with 100,000 users stored runs at ≥ 50% of its rate with
 * 100 users (the cost of a page follows the page, not the table), on SQLite and PostgreSQL. One
 * server per dialect: measured at 100 users, then the store grows to 100,000 under it and it is
 * measured again. Each time, `total` must be exact.
 */
import { startCohort, getJson } from "../cohort.js";
import { cleanRuns, type BenchContext, type Scenario } from "../context.js";
import { measure, type LoadResult } from "../load.js";
import type { Check, Measurement, ScenarioResult } from "../report.js";
import { pct } from "../report.js";
import { seedUsers } from "../seed.js";
import { createStore, postgresUnavailable, type BenchDialect } from "../stores.js";

const SMALL = 100;
const LARGE = 100_000;
const PATH = "/api/v1/users?size=50";

interface DialectRun {
  small: LoadResult;
  large: LoadResult;
  totals: [number, number];
}

async function runOn(dialect: BenchDialect, { build, settings, log }: BenchContext): Promise<DialectRun> {
  const store = await createStore(dialect);
  try {
    const server = await startCohort(build, store);
    try {
      const token = await server.login();
      const target = { url: `${server.url}${PATH}`, headers: { authorization: `Bearer ${token}` } };
      const totalNow = async () => (await getJson(target.url, token)) as { total: number };

      log(`users-list: ${dialect}, ${SMALL} users`);
      await seedUsers(store.url, SMALL);
      const smallTotal = (await totalNow()).total;
      const small = await measure(target, settings, server);

      log(`users-list: ${dialect}, seeding ${LARGE.toLocaleString("en-US")} users`);
      await seedUsers(store.url, LARGE);
      const largeTotal = (await totalNow()).total;
      log(`users-list: ${dialect}, ${LARGE.toLocaleString("en-US")} users`);
      const large = await measure(target, settings, server);
      return { small, large, totals: [smallTotal, largeTotal] };
    } finally {
      await server.stop();
    }
  } finally {
    await store.drop();
  }
}

export const usersList: Scenario = {
  name: "users-list",
  title: `GET ${PATH} with ${LARGE.toLocaleString("en-US")} vs ${SMALL} users stored`,
  async run(ctx): Promise<ScenarioResult> {
    const measurements: Measurement[] = [];
    const checks: Check[] = [];
    const notes: string[] = [];
    const dialects: BenchDialect[] = ["sqlite"];
    const pgMissing = await postgresUnavailable();
    if (pgMissing) notes.push(`PostgreSQL skipped: ${pgMissing}`);
    else dialects.push("postgres");

    for (const dialect of dialects) {
      const { small, large, totals } = await runOn(dialect, ctx);
      const ratio = large.rps / small.rps;
      measurements.push({ label: `${dialect}, ${SMALL} users`, result: small }, { label: `${dialect}, ${LARGE} users`, result: large });
      checks.push(
        { what: `${dialect}: req/s at ${LARGE} ÷ at ${SMALL}`, value: pct(ratio), target: "≥ 50%", pass: ratio >= 0.5 },
        { what: `${dialect}: p99 at ${LARGE} users`, value: `${large.p99} ms`, target: "(reported)", pass: true },
        {
          what: `${dialect}: \`total\` exact`,
          value: totals.join(", "),
          target: `${SMALL}, ${LARGE}`,
          pass: totals[0] === SMALL && totals[1] === LARGE,
        },
        ...cleanRuns({ [`${dialect} ${SMALL}`]: small, [`${dialect} ${LARGE}`]: large }),
      );
    }
    return { name: this.name, title: this.title, measurements, checks, notes };
  },
};
