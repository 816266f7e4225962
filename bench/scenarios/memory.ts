/**
 * SPEC §11: the server's resident memory (RSS, read from /proc) idle and under load: ≤ 150 MB idle,
 * ≤ 300 MB under the login load. Idle is measured after start and a first login, and again once the
 * load has stopped; under load, RSS is sampled every 100 ms while logins, current-user reads and
 * user-list pages (10,000 users stored) run together.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { getJson, startCohort } from "../cohort.js";
import { cleanRuns, type Scenario } from "../context.js";
import { measureTogether } from "../load.js";
import { mb } from "../report.js";
import { seedUsers } from "../seed.js";
import { createStore } from "../stores.js";
import { LOGIN_CONNECTIONS } from "./login-load.js";

const USERS = 10_000;
const SETTLE_MS = 3000;
const IDLE_LIMIT = 150 * 1024 * 1024;
const LOAD_LIMIT = 300 * 1024 * 1024;

export const memory: Scenario = {
  name: "memory",
  title: "server RSS idle and under load (SQLite)",
  async run({ build, settings, log }) {
    log("memory: Cohort on SQLite");
    const store = await createStore("sqlite");
    try {
      const server = await startCohort(build, store);
      try {
        await seedUsers(store.url, USERS);
        const token = await server.login();
        await getJson(`${server.url}/api/v1/current-user`, token);
        await sleep(SETTLE_MS);
        const idle = server.rss();

        const auth = { authorization: `Bearer ${token}` };
        const others = Math.max(2, settings.connections - LOGIN_CONNECTIONS);
        let peak = 0;
        const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 100);
        log("memory: logins, current-user and users-list together");
        const [logins, reads, lists] = await measureTogether(
          [
            { target: server.loginTarget, connections: LOGIN_CONNECTIONS },
            { target: { url: `${server.url}/api/v1/current-user`, headers: auth }, connections: Math.ceil(others / 2) },
            { target: { url: `${server.url}/api/v1/users?size=50`, headers: auth }, connections: Math.floor(others / 2) },
          ],
          settings,
        ).finally(() => clearInterval(sampler));
        await sleep(SETTLE_MS);
        const after = server.rss();
        const hwm = server.peakRss();

        return {
          name: this.name,
          title: this.title,
          measurements: [
            { label: "POST /api/v1/login", result: logins! },
            { label: "GET /api/v1/current-user", result: reads! },
            { label: "GET /api/v1/users?size=50", result: lists! },
          ],
          checks: [
            { what: "RSS idle after start", value: mb(idle), target: "≤ 150 MB", pass: idle <= IDLE_LIMIT },
            { what: "RSS peak under load (sampled)", value: mb(peak), target: "≤ 300 MB", pass: peak <= LOAD_LIMIT },
            { what: "RSS idle after the load", value: mb(after), target: "≤ 150 MB", pass: after <= IDLE_LIMIT },
            ...cleanRuns({ logins: logins!, "current-user": reads!, "users-list": lists! }),
          ],
          notes: [`Peak RSS over the process's life (VmHWM): ${mb(hwm)}. ${USERS.toLocaleString("en-US")} users stored.`],
        };
      } finally {
        await server.stop();
      }
    } finally {
      await store.drop();
    }
  },
};
