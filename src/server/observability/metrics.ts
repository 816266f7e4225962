/**
 * Prometheus metrics of this process (SPEC §10, issue 5): request counts and latency by route
 * and status, failed logins, lockouts and revoked sessions. Counters are per process, as
 * Prometheus expects; it sums them across replicas. A tiny registry is enough for these few
 * series, so no client library is pulled in.
 */
type Labels = Record<string, string>;

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

function render(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`)
    .join(",");
}

/**
 * Rendered series keys by their raw labels. Rendering (sorting, escaping) ran twice on every
 * request and cost as much as a whole bare Fastify request (docs/performance.md); the series are
 * few (route × method × status), so each is rendered once. Bounded all the same.
 */
const rendered = new Map<string, string>();
const RENDERED_MAX = 10_000;

function key(labels: Labels): string {
  let raw = "";
  for (const name in labels) raw += `${name}\u0000${labels[name]}\u0001`;
  let k = rendered.get(raw);
  if (k === undefined) {
    k = render(labels);
    if (rendered.size < RENDERED_MAX) rendered.set(raw, k);
  }
  return k;
}

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    this.incSeries(key(labels), by);
  }
  /** `inc` for a series whose key is already rendered. */
  incSeries(k: string, by = 1): void {
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ""} ${v}`);
    return lines.join("\n");
  }
}

class Histogram {
  private readonly series = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  observe(labels: Labels, seconds: number): void {
    this.observeSeries(key(labels), seconds);
  }
  /** `observe` for a series whose key is already rendered. */
  observeSeries(k: string, seconds: number): void {
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    const { buckets } = s;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= (LATENCY_BUCKETS[i] as number)) buckets[i] = (buckets[i] as number) + 1;
    s.sum += seconds;
    s.count += 1;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const sep = k ? "," : "";
      LATENCY_BUCKETS.forEach((le, i) => lines.push(`${this.name}_bucket{${k}${sep}le="${le}"} ${s.buckets[i]}`));
      lines.push(`${this.name}_bucket{${k}${sep}le="+Inf"} ${s.count}`);
      lines.push(`${this.name}_sum${k ? `{${k}}` : ""} ${s.sum}`);
      lines.push(`${this.name}_count${k ? `{${k}}` : ""} ${s.count}`);
    }
    return lines.join("\n");
  }
}

export const metrics = {
  requests: new Counter("cohort_http_requests_total", "HTTP requests by route, method and status."),
  latency: new Histogram("cohort_http_request_duration_seconds", "HTTP request latency by route and method."),
  failedLogins: new Counter("cohort_login_failures_total", "Failed login attempts."),
  lockouts: new Counter("cohort_login_lockouts_total", "Usernames locked after too many failed logins."),
  sessionsRevoked: new Counter("cohort_sessions_revoked_total", "Sessions ended by logout, revocation, password change or deactivation."),
};

/** The rendered keys of one route, method and status's series. */
interface RequestSeries {
  requests: string;
  latency: string;
}

/**
 * By route pattern, method and status: every request records itself here, and building its label
 * objects and raw key (even only to find the rendered one) cost a few µs a request. The strings
 * looked up are the router's and the parser's own, so each lookup only compares them. Bounded:
 * routes are patterns, and methods and statuses are few.
 */
const requestSeries = new Map<string, Map<string, Map<number, RequestSeries>>>();

/** Counts one answered HTTP request and records its latency. */
export function recordRequest(method: string, route: string, status: number, seconds: number): void {
  let byMethod = requestSeries.get(route);
  if (!byMethod) requestSeries.set(route, (byMethod = new Map()));
  let byStatus = byMethod.get(method);
  if (!byStatus) byMethod.set(method, (byStatus = new Map()));
  let series = byStatus.get(status);
  if (!series) {
    series = { requests: key({ method, route, status: String(status) }), latency: key({ method, route }) };
    byStatus.set(status, series);
  }
  metrics.requests.incSeries(series.requests);
  metrics.latency.observeSeries(series.latency, seconds);
}

/** Prometheus's text exposition format. */
export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4";

export function renderMetrics(): string {
  const memory = process.memoryUsage();
  const gauges = [
    "# HELP cohort_process_resident_memory_bytes Resident set size.",
    "# TYPE cohort_process_resident_memory_bytes gauge",
    `cohort_process_resident_memory_bytes ${memory.rss}`,
    "# HELP cohort_process_uptime_seconds Seconds since the process started.",
    "# TYPE cohort_process_uptime_seconds gauge",
    `cohort_process_uptime_seconds ${process.uptime()}`,
  ];
  return [...Object.values(metrics).map((m) => m.render()), ...gauges].join("\n") + "\n";
}
