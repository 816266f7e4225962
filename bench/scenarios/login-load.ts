/**
 * SPEC §11: while logins run flat out (each an argon2id verify, m = 19 MiB, t = 2), other
 * authenticated requests keep p99 ≤ 50 ms. Logins and `GET /api/v1/current-user` share the 50
 * connections, on SQLite; every login creates a session, as real ones do.
 */
import { startCohort } from "../cohort.js";
import { cleanRuns, type Scenario } from "../context.js";
import { measureTogether } from "../load.js";
import { createStore } from "../stores.js";

export const LOGIN_CONNECTIONS = 10;

export const loginLoad: Scenario = {
  name: "login-load",
  title: `GET /api/v1/current-user while ${LOGIN_CONNECTIONS} connections log in flat out (SQLite)`,
  async run({ build, settings, log }) {
    log("login-load: Cohort on SQLite");
    const store = await createStore("sqlite");
    try {
      const server = await startCohort(build, store);
      try {
        const token = await server.login();
        const others = settings.connections - LOGIN_CONNECTIONS;
        const [logins, reads] = await measureTogether(
          [
            { target: server.loginTarget, connections: LOGIN_CONNECTIONS },
            { target: { url: `${server.url}/api/v1/current-user`, headers: { authorization: `Bearer ${token}` } }, connections: others },
          ],
          settings,
        );
        return {
          name: this.name,
          title: this.title,
          measurements: [
            { label: `POST /api/v1/login (${LOGIN_CONNECTIONS} conns)`, result: logins! },
            { label: `GET /api/v1/current-user (${others} conns)`, result: reads! },
          ],
          checks: [
            { what: "current-user p99 during logins", value: `${reads!.p99} ms`, target: "≤ 50 ms", pass: reads!.p99 <= 50 },
            ...cleanRuns({ logins: logins!, "current-user": reads! }),
          ],
          notes: [],
        };
      } finally {
        await server.stop();
      }
    } finally {
      await store.drop();
    }
  },
};
