/** `GET /audit_events` (admins): the audit log, filtered and paged; `?format=jsonl` exports it. */
import { listAuditEvents } from "../../services/audit.js";
import { AUDIT_FILTERS } from "../../store/repos/audit.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { RouteModule } from "./index.js";
import { API, listQuery, typed } from "./shared.js";

export const auditRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  r.get(`${API}/audit_events`, { config: { access: "write" }, schema: { querystring: listQuery } }, async (request, reply) => {
    const { format, ...query } = request.query;
    const page = await listAuditEvents(rt.ctx, actorOf(request), parseListParams(query, AUDIT_FILTERS, { sort: "desc:created" }));
    if (format !== "jsonl") return page;
    // JSON lines: one event a line, for log shippers and `cohort audit export`.
    return reply.type("application/x-ndjson").send(page.items.map((e) => JSON.stringify(e)).join("\n") + (page.items.length ? "\n" : ""));
  });
};
