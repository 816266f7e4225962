/**
 * The expected answer of every route to every actor class (SPEC §4, §9). One line per route and
 * target ("variant"); columns are the actors of actors.ts. Targets live in workspace B and belong to
 * `owner` unless the variant says otherwise: `private`/`shared` stacks and components, `global` or
 * `B`-scoped assignments, `self` or `other` users, `own` or `other` sessions, `custom` or `builtin`
 * roles; `fresh` marks a target made anew for every case (requests.ts). `admin` and `adminB` target
 * an admin (or a team with one), whom only those holding everything it holds may act on (SPEC §4
 * rule 9): the read+write `rw` actor is refused there, though it manages `other` users.
 *
 * `*` marks a public file or probe route: every actor, whatever it sends, gets the status an
 * anonymous caller gets, never a 5xx. `/metrics` exists beside the API only with
 * COHORT_METRICS_TOKEN (matrix.test.ts sets it), and no session opens it: only that token
 * (test/api/metrics.test.ts).
 *
 * `DELETE /api/v1/current-user/sessions` (end all my other sessions) is the last line: the admin's
 * success ends the admin's other sessions, the `cookie` actor's among them, which every line after
 * it would need (matrix.test.ts checks that it stays last).
 *
 * The other actor classes follow from each line (`expectedFor`): dead credentials (a wrong,
 * expired or revoked token, a deactivated or pending user's session) get 401 on every non-public
 * route and what `anon` gets on public ones; the admin's dashboard cookie without the CSRF header
 * gets 403 on every non-public mutation and what `admin` gets otherwise.
 */
import { DEAD_ACTORS, TABLE_ACTORS, type ActorName } from "./actors.js";

const TABLE = `
method route                                                      variant  anon none me  guest rw  team wsA owner admin
POST   /api/v1/login                                              -        200  200  200 200   200 200  200 200   200
POST   /api/v1/logout                                             -        401  200  200 200   200 200  200 200   200
GET    /api/v1/current-user                                       -        401  200  200 200   200 200  200 200   200
PUT    /api/v1/current-user                                       -        401  403  200 200   403 403  403 200   200
GET    /api/v1/current-user/sessions                              -        401  200  200 200   200 200  200 200   200
GET    /api/v1/current-user/sessions/:session_id                  own      401  200  200 200   200 200  200 200   200
GET    /api/v1/current-user/sessions/:session_id                  other    401  404  404 404   404 404  404 404   404
DELETE /api/v1/current-user/sessions/:session_id                  own      401  200  200 200   200 200  200 200   200
DELETE /api/v1/current-user/sessions/:session_id                  other    401  404  404 404   404 404  404 404   404
GET    /api/v1/current-user/abilities                             -        401  200  200 200   200 200  200 200   200
GET    /api/v1/permissions                                        -        401  200  200 200   200 200  200 200   200

GET    /api/v1/users                                              -        401  403  403 200   200 403  403 200   200
POST   /api/v1/users                                              -        401  403  403 403   200 403  403 200   200
GET    /api/v1/users/:user_name_or_id                             other    401  403  403 200   200 403  403 200   200
PUT    /api/v1/users/:user_name_or_id                             other    401  403  403 403   200 403  403 200   200
PUT    /api/v1/users/:user_name_or_id                             self     401  403  200 200   200 403  403 200   200
DELETE /api/v1/users/:user_name_or_id                             fresh    401  403  403 403   200 403  403 200   200
DELETE /api/v1/users/:user_name_or_id                             self     401  403  403 403   403 403  403 403   403
PUT    /api/v1/users/:user_name_or_id/activate                    fresh    200  200  200 200   200 200  200 200   200
PUT    /api/v1/users/:user_name_or_id/deactivate                  fresh    401  403  403 403   200 403  403 200   200
PUT    /api/v1/users/:user_name_or_id/unlock                      other    401  403  403 403   200 403  403 200   200
PUT    /api/v1/users/:user_name_or_id/email-opt-in                self     401  403  200 200   403 403  403 200   200
PUT    /api/v1/users/:user_name_or_id/email-opt-in                other    401  403  403 403   403 403  403 403   403
GET    /api/v1/users/:user_name_or_id/roles                       other    401  403  403 200   200 403  403 200   200
GET    /api/v1/users/:user_name_or_id                             admin    401  403  403 200   200 403  403 200   200
PUT    /api/v1/users/:user_name_or_id                             admin    401  403  403 403   403 403  403 200   200
DELETE /api/v1/users/:user_name_or_id                             admin    401  403  403 403   403 403  403 200   200
PUT    /api/v1/users/:user_name_or_id/deactivate                  admin    401  403  403 403   403 403  403 200   200
PUT    /api/v1/users/:user_name_or_id/unlock                      admin    401  403  403 403   403 403  403 200   200
PUT    /api/v1/users/:user_name_or_id/email-opt-in                admin    401  403  403 403   403 403  403 403   403
GET    /api/v1/users/:user_name_or_id/roles                       admin    401  403  403 200   200 403  403 200   200

GET    /api/v1/roles                                              -        401  403  403 200   200 403  403 200   200
POST   /api/v1/roles                                              read     401  403  403 403   200 403  403 200   200
POST   /api/v1/roles                                              all      401  403  403 403   403 403  403 200   200
GET    /api/v1/roles/:role_name_or_id                             custom   401  403  403 200   200 403  403 200   200
PUT    /api/v1/roles/:role_name_or_id                             custom   401  403  403 403   200 403  403 200   200
PUT    /api/v1/roles/:role_name_or_id                             admin    401  403  403 403   403 403  403 200   200
PUT    /api/v1/roles/:role_name_or_id                             builtin  401  403  403 403   403 403  403 403   403
DELETE /api/v1/roles/:role_name_or_id                             fresh    401  403  403 403   200 403  403 200   200

GET    /api/v1/role_assignments                                   -        401  403  403 200   200 200  200 200   200
POST   /api/v1/role_assignments                                   global   401  403  403 403   403 403  403 200   200
POST   /api/v1/role_assignments                                   B        401  403  403 403   200 200  404 200   200
POST   /api/v1/role_assignments                                   admin    401  403  403 403   403 403  403 200   200
POST   /api/v1/role_assignments                                   adminB   401  403  403 403   403 403  404 200   200
GET    /api/v1/role_assignments/:role_assignment_id               global   401  403  403 200   200 404  404 200   200
GET    /api/v1/role_assignments/:role_assignment_id               B        401  403  403 200   200 200  404 200   200
GET    /api/v1/role_assignments/:role_assignment_id               admin    401  403  403 200   200 404  404 200   200
DELETE /api/v1/role_assignments/:role_assignment_id               global   401  403  403 403   200 404  404 200   200
DELETE /api/v1/role_assignments/:role_assignment_id               B        401  403  403 403   200 200  404 200   200
DELETE /api/v1/role_assignments/:role_assignment_id               admin    401  403  403 403   403 404  404 200   200
DELETE /api/v1/role_assignments/:role_assignment_id               adminB   401  403  403 403   403 403  404 200   200
GET    /api/v1/team_role_assignments                              -        401  403  403 200   200 200  200 200   200
POST   /api/v1/team_role_assignments                              global   401  403  403 403   200 403  403 200   200
POST   /api/v1/team_role_assignments                              B        401  403  403 403   200 200  404 200   200
POST   /api/v1/team_role_assignments                              admin    401  403  403 403   403 403  403 200   200
POST   /api/v1/team_role_assignments                              adminB   401  403  403 403   403 403  404 200   200
GET    /api/v1/team_role_assignments/:role_assignment_id          B        401  403  403 200   200 200  404 200   200
DELETE /api/v1/team_role_assignments/:role_assignment_id          B        401  403  403 403   200 200  404 200   200
DELETE /api/v1/team_role_assignments/:role_assignment_id          adminB   401  403  403 403   403 403  404 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/role_assignments  B        401  403  403 200   200 200  404 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/team_role_assignments B    401  403  403 200   200 200  404 200   200

GET    /api/v1/teams                                              -        401  403  403 200   200 403  403 200   200
POST   /api/v1/teams                                              -        401  403  403 403   200 403  403 200   200
POST   /api/v1/teams                                              admin    401  403  403 403   403 403  403 200   200
GET    /api/v1/teams/:team_name_or_id                             plain    401  403  403 200   200 403  403 200   200
PUT    /api/v1/teams/:team_name_or_id                             plain    401  403  403 403   200 403  403 200   200
DELETE /api/v1/teams/:team_name_or_id                             fresh    401  403  403 403   200 403  403 200   200
PUT    /api/v1/teams/:team_name_or_id                             admin    401  403  403 403   403 403  403 200   200
DELETE /api/v1/teams/:team_name_or_id                             admin    401  403  403 403   403 403  403 200   200
GET    /api/v1/teams/:team_name_or_id/roles                       plain    401  403  403 200   200 403  403 200   200
GET    /api/v1/teams/:team_name_or_id                             admin    401  403  403 200   200 403  403 200   200

GET    /api/v1/workspaces                                         -        401  403  403 200   200 200  200 200   200
POST   /api/v1/workspaces                                         -        401  403  403 403   200 403  403 200   200
GET    /api/v1/workspaces/:workspace_name_or_id                   B        401  403  403 200   200 200  404 200   200
PUT    /api/v1/workspaces/:workspace_name_or_id                   B        401  403  403 403   200 200  404 200   200
DELETE /api/v1/workspaces/:workspace_name_or_id                   fresh    401  403  403 403   200 404  404 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/statistics        B        401  403  403 200   200 200  404 200   200

GET    /api/v1/stacks                                             -        401  403  403 200   200 200  200 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/stacks            B        401  403  403 200   200 200  404 200   200
POST   /api/v1/workspaces/:workspace_name_or_id/stacks            B        401  403  403 403   200 200  404 200   200
GET    /api/v1/stacks/:stack_id                                   private  401  403  403 404   404 404  404 200   404
GET    /api/v1/stacks/:stack_id                                   shared   401  403  403 200   200 200  404 200   200
PUT    /api/v1/stacks/:stack_id                                   private  401  403  403 403   404 404  404 200   404
PUT    /api/v1/stacks/:stack_id                                   shared   401  403  403 403   200 200  404 200   200
DELETE /api/v1/stacks/:stack_id                                   private  401  403  403 403   404 404  404 200   404
DELETE /api/v1/stacks/:stack_id                                   shared   401  403  403 403   200 200  404 200   200

GET    /api/v1/components                                         -        401  403  403 200   200 200  200 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/components        B        401  403  403 200   200 200  404 200   200
POST   /api/v1/workspaces/:workspace_name_or_id/components        B        401  403  403 403   200 200  404 200   200
GET    /api/v1/components/:component_id                          private  401  403  403 404   404 404  404 200   404
GET    /api/v1/components/:component_id                          shared   401  403  403 200   200 200  404 200   200
PUT    /api/v1/components/:component_id                          private  401  403  403 403   404 404  404 200   404
PUT    /api/v1/components/:component_id                          shared   401  403  403 403   200 200  404 200   200
DELETE /api/v1/components/:component_id                          private  401  403  403 403   404 404  404 200   404
DELETE /api/v1/components/:component_id                          shared   401  403  403 403   200 200  404 200   200
GET    /api/v1/component-types                                    -        401  403  403 200   200 200  200 200   200
GET    /api/v1/flavors                                            -        401  403  403 200   200 200  200 200   200
GET    /api/v1/flavors/:flavor_id                                 -        401  403  403 200   200 200  200 200   200

GET    /api/v1/pipelines                                          -        401  403  403 200   200 200  200 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/pipelines         B        401  403  403 200   200 200  404 200   200
POST   /api/v1/workspaces/:workspace_name_or_id/pipelines         B        401  403  403 403   200 200  404 200   200
GET    /api/v1/pipelines/:pipeline_id                             B        401  403  403 200   200 200  404 200   200
PUT    /api/v1/pipelines/:pipeline_id                             B        401  403  403 403   200 200  404 200   200
DELETE /api/v1/pipelines/:pipeline_id                             fresh    401  403  403 403   200 200  404 200   200
GET    /api/v1/runs                                               -        401  403  403 200   200 200  200 200   200
GET    /api/v1/workspaces/:workspace_name_or_id/runs              B        401  403  403 200   200 200  404 200   200
POST   /api/v1/workspaces/:workspace_name_or_id/runs              B        401  403  403 403   200 200  404 200   200
GET    /api/v1/runs/:run_id                                       B        401  403  403 200   200 200  404 200   200
PUT    /api/v1/runs/:run_id                                       B        401  403  403 403   200 200  404 200   200
DELETE /api/v1/runs/:run_id                                       fresh    401  403  403 403   200 200  404 200   200

GET    /api/v1/audit_events                                       -        401  403  403 403   200 403  403 200   200

GET    /api/v1/info                                               -        200  200  200 200   200 200  200 200   200
GET    /api/v1/version                                            -        200  200  200 200   200 200  200 200   200
GET    /health                                                    -        *    *    *   *     *   *    *   *     *
GET    /ready                                                     -        *    *    *   *     *   *    *   *     *
GET    /metrics                                                   -        401  401  401 401   401 401  401 401   401
GET    /openapi.json                                              -        *    *    *   *     *   *    *   *     *
GET    /docs                                                      -        *    *    *   *     *   *    *   *     *
GET    /docs/json                                                 -        *    *    *   *     *   *    *   *     *
GET    /docs/yaml                                                 -        *    *    *   *     *   *    *   *     *
GET    /docs/static/index.html                                    -        *    *    *   *     *   *    *   *     *
GET    /docs/static/swagger-initializer.js                        -        *    *    *   *     *   *    *   *     *
GET    /docs/static/*                                             -        *    *    *   *     *   *    *   *     *
GET    /                                                          -        *    *    *   *     *   *    *   *     *
GET    /*                                                         -        *    *    *   *     *   *    *   *     *
GET    /assets/*                                                  -        *    *    *   *     *   *    *   *     *
GET    /favicon.svg                                               -        *    *    *   *     *   *    *   *     *

DELETE /api/v1/current-user/sessions                              -        401  200  200 200   200 200  200 200   200
`;

/** The line that ends sessions other lines need, so it runs last (see above). */
export const LAST_LINE = "DELETE /api/v1/current-user/sessions -";

/** What one actor should get: a status, or "whatever anonymous gets" on public file routes. */
export type Expected = number | "as-anon";

export interface MatrixRow {
  method: string;
  url: string;
  variant: string;
  /** The table's columns; the other actors are derived by `expectedFor`. */
  expected: Record<(typeof TABLE_ACTORS)[number], Expected>;
}

export const rowKey = (row: Pick<MatrixRow, "method" | "url" | "variant">) => `${row.method} ${row.url} ${row.variant}`;

function parse(table: string): MatrixRow[] {
  const [header, ...lines] = table.trim().split("\n");
  const columns = header!.trim().split(/\s+/).slice(3);
  if (columns.join(" ") !== TABLE_ACTORS.join(" "))
    throw new Error(`matrix columns ${columns.join(" ")} are not ${TABLE_ACTORS.join(" ")}`);
  return lines
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [method, url, variant, ...cells] = line.trim().split(/\s+/);
      if (!method || !url || !variant || cells.length !== columns.length) throw new Error(`matrix line has ${cells.length} cells: ${line}`);
      const expected = Object.fromEntries(
        columns.map((actor, i) => [actor, cells[i] === "*" ? "as-anon" : Number(cells[i])] as const),
      ) as MatrixRow["expected"];
      return { method, url, variant, expected };
    });
}

export const MATRIX: readonly MatrixRow[] = parse(TABLE);

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const isDead = (actor: ActorName): boolean => (DEAD_ACTORS as readonly string[]).includes(actor);

/** The expectation of any actor for a row: from its column, or derived for the others (see above). */
export function expectedFor(row: MatrixRow, actor: ActorName, isPublic: boolean): Expected {
  if (actor in row.expected) return row.expected[actor as keyof MatrixRow["expected"]];
  if (isPublic) return row.expected.anon === "as-anon" ? "as-anon" : row.expected.anon;
  if (isDead(actor)) return 401;
  return MUTATING.has(row.method) ? 403 : row.expected.admin;
}
