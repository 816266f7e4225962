/**
 * A reference, not a target: bare Fastify (no plugins, no hooks) answering the baseline's fixed
 * body. Measured beside node:http and Cohort, it shows how much of the gap is the framework every
 * Cohort route runs on, before any session check or query.
 */
import Fastify from "fastify";
import { announce, BASELINE_BODY } from "./baseline-body.js";

const app = Fastify({ logger: false });
app.get("/", (_request, reply) => reply.type("application/json; charset=utf-8").send(BASELINE_BODY));

const url = await app.listen({ host: "127.0.0.1", port: 0 });
announce(url, (done) => void app.close().then(done));
