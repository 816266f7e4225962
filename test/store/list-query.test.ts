/**
 * Lists on every dialect (SPEC §6 "Lists"): the query string as ZenML's clients send it, parsed by
 * the HTTP layer's parser, run as SQL by the users repository. String filters ignore case and treat
 * `%` and `_` literally; times compare as times; booleans read `True`/`False`; paging past the end
 * is ZenML's 400 with its exact message.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { BadRequest, ValidationFailed } from "../../src/server/errors.js";
import { parseListParams } from "../../src/server/http/list-params.js";
import type { ShownWhere } from "../../src/server/store/list-query.js";
import { newId } from "../../src/server/store/repos/ids.js";
import { insertUser, listUsers, USER_FILTERS } from "../../src/server/store/repos/users.js";
import { describeEachDialect } from "../helpers/dialects.js";
import { EMAILS_SHOWN, userRow } from "../helpers/rows.js";
import { useStore } from "../helpers/store.js";

/** The users every test lists, in creation order. Names exercise case and LIKE wildcards. */
const USERS = [
  { name: "Alice", full_name: "Alice Liddell", active: 1, email_opted_in: 1, created: "2026-01-01T10:00:00.000000" },
  { name: "alina", full_name: "", active: 0, email_opted_in: null, created: "2026-01-02T10:00:00.000000" },
  { name: "bob", full_name: "Bob Builder", active: 1, email_opted_in: 0, created: "2026-01-03T10:00:00.000000" },
  { name: "carol_x%", full_name: "Carol", active: 1, email_opted_in: null, created: "2026-01-04T10:00:00.000000" },
  { name: "dave", full_name: "", active: 0, email_opted_in: null, created: "2026-01-05T10:00:00.500000" },
] as const;

const ALL = USERS.map((u) => u.name);

describeEachDialect("list filtering, sorting and paging", (dialect) => {
  const store = useStore(dialect);

  before(async () => {
    for (const u of USERS) await insertUser(store.db.kysely, userRow({ ...u, updated: u.created }));
  });

  const list = (query: Record<string, string>) => listUsers(store.db.kysely, parseListParams(query, USER_FILTERS), EMAILS_SHOWN);
  const names = async (query: Record<string, string>) => (await list(query)).items.map((u) => u.name);

  it("no filter: everything, oldest first, in ZenML's page envelope", async () => {
    const page = await list({});
    assert.deepEqual({ ...page, items: page.items.map((u) => u.name) }, { index: 1, max_size: 50, total_pages: 1, total: 5, items: ALL });
  });

  it("equals (the default operator) ignores case", async () => {
    assert.deepEqual(await names({ name: "ALICE" }), ["Alice"]);
    assert.deepEqual(await names({ name: "equals:bob" }), ["bob"]);
    assert.deepEqual(await names({ name: "equals:bo" }), []);
  });

  it("contains, startswith and endswith ignore case", async () => {
    assert.deepEqual(await names({ name: "contains:LI" }), ["Alice", "alina"]);
    assert.deepEqual(await names({ name: "startswith:AL" }), ["Alice", "alina"]);
    assert.deepEqual(await names({ name: "endswith:E" }), ["Alice", "dave"]);
    assert.deepEqual(await names({ full_name: "contains:builder" }), ["bob"]);
  });

  it("% and _ in a value match only themselves", async () => {
    assert.deepEqual(await names({ name: "contains:%" }), ["carol_x%"]);
    assert.deepEqual(await names({ name: "contains:_" }), ["carol_x%"]);
    assert.deepEqual(await names({ name: "endswith:_x%" }), ["carol_x%"]);
    assert.deepEqual(await names({ name: "startswith:a_" }), []);
  });

  it("gte and lt compare creation times", async () => {
    assert.deepEqual(await names({ created: "gte:2026-01-03 10:00:00" }), ["bob", "carol_x%", "dave"]);
    assert.deepEqual(await names({ created: "lt:2026-01-03 10:00:00" }), ["Alice", "alina"]);
    assert.deepEqual(await names({ created: "gt:2026-01-05 10:00:00" }), ["dave"], "microseconds count");
    assert.deepEqual(await names({ created: "2026-01-05 10:00:00" }), ["dave"], "equals matches the whole second");
  });

  it("booleans read True/False as the ZenML CLI writes them", async () => {
    assert.deepEqual(await names({ active: "False" }), ["alina", "dave"]);
    assert.deepEqual(await names({ active: "True" }), ["Alice", "bob", "carol_x%"]);
    assert.deepEqual(await names({ email_opted_in: "true" }), ["Alice"]);
    assert.deepEqual(await names({ email_opted_in: "False" }), ["bob"]);
  });

  it("filters combine with and by default, with or on request", async () => {
    assert.deepEqual(await names({ name: "startswith:a", active: "True" }), ["Alice"]);
    assert.deepEqual(await names({ name: "startswith:a", active: "True", logical_operator: "and" }), ["Alice"]);
    assert.deepEqual(await names({ name: "bob", active: "False", logical_operator: "or" }), ["alina", "bob", "dave"]);
    assert.deepEqual(await names({ created: "gte:2026-01-02 00:00:00", name: "contains:a", logical_operator: "and" }), [
      "alina",
      "carol_x%",
      "dave",
    ]);
  });

  it("sorts by a field, ascending or descending", async () => {
    assert.deepEqual(await names({ sort_by: "desc:created" }), [...ALL].reverse());
    assert.deepEqual(await names({ sort_by: "asc:created" }), ALL);
    assert.deepEqual(await names({ sort_by: "desc:name" }), ["dave", "carol_x%", "bob", "alina", "Alice"]);
  });

  it("pages through the result", async () => {
    const page2 = await list({ size: "2", page: "2" });
    assert.deepEqual(
      { ...page2, items: page2.items.map((u) => u.name) },
      { index: 2, max_size: 2, total_pages: 3, total: 5, items: ["bob", "carol_x%"] },
    );
    assert.deepEqual(await names({ size: "2", page: "3" }), ["dave"]);
    assert.deepEqual(await names({ size: "2", page: "1", sort_by: "desc:created" }), ["dave", "carol_x%"]);
  });

  it("an empty result is one empty page", async () => {
    const page = await list({ name: "nobody" });
    assert.deepEqual(page, { index: 1, max_size: 50, total_pages: 1, total: 0, items: [] });
  });

  it("a page past the end is ZenML's 400, word for word", async () => {
    const pastEnd = (message: string) => (err: unknown) => {
      assert.ok(err instanceof BadRequest, String(err));
      assert.equal(err.status, 400);
      assert.equal(err.wireName, "ValueError");
      assert.equal(err.message, message);
      return true;
    };
    await assert.rejects(
      list({ page: "99" }),
      pastEnd(
        "Invalid page 99. The requested page size is 50 and there are a total of 5 items for this query. The maximum page value therefore is 1.",
      ),
    );
    await assert.rejects(
      list({ page: "4", size: "2" }),
      pastEnd(
        "Invalid page 4. The requested page size is 2 and there are a total of 5 items for this query. The maximum page value therefore is 3.",
      ),
    );
    await assert.rejects(
      list({ page: "2", name: "nobody" }),
      pastEnd(
        "Invalid page 2. The requested page size is 50 and there are a total of 0 items for this query. The maximum page value therefore is 1.",
      ),
    );
  });

  it("parameters that do not fit are a 422 naming the parameter", () => {
    const invalid = (query: Record<string, string>, field: string) =>
      assert.throws(
        () => parseListParams(query, USER_FILTERS),
        (err) => err instanceof ValidationFailed && err.message.startsWith(`query -> ${field}`),
      );
    invalid({ sort_by: "bogus" }, "sort_by");
    invalid({ size: "0" }, "size");
    invalid({ size: "10001" }, "size");
    invalid({ page: "0" }, "page");
    invalid({ logical_operator: "xor" }, "logical_operator");
    invalid({ active: "maybe" }, "active");
    invalid({ created: "yesterday" }, "created");
    invalid({ created: "contains:2026" }, "created");
    invalid({ id: "not-a-uuid" }, "id");
  });
});

describeEachDialect("case-insensitive filters beyond ASCII", (dialect) => {
  const store = useStore(dialect);
  /** Greek capital sigma: a linguistic collation lower-cases it to final "ς" at the end of a word, else "σ". */
  const CAPITALS = "ΟΔΥΣΣΕΑΣ ΣΑΣ";
  const FINAL = "λόγος";

  before(async () => {
    for (const name of [CAPITALS, FINAL, "other"]) await insertUser(store.db.kysely, userRow({ name }));
  });

  const finds = async (filter: string, name: string) => {
    const found = (await listUsers(store.db.kysely, parseListParams({ name: filter }, USER_FILTERS), EMAILS_SHOWN)).items.map(
      (u) => u.name,
    );
    assert.ok(found.includes(name), `name=${filter} finds ${JSON.stringify(found)}, not ${name}`);
    assert.ok(!found.includes("other"), `name=${filter} finds "other"`);
  };

  it("a name is found by any part of itself, a word-final sigma included", async () => {
    for (const filter of ["equals:" + CAPITALS, "contains:Σ", "contains:ΑΣ Σ", "endswith:Σ", "endswith:ΑΣ", "startswith:ΟΔΥΣΣΕΑΣ"]) {
      await finds(filter, CAPITALS);
    }
  });

  it("final and plain sigma are the same letter, as Unicode case folding has them", async () => {
    for (const filter of ["equals:λόγοσ", "contains:σ", "endswith:οσ", "startswith:λόγοσ"]) await finds(filter, FINAL);
  });
});

describeEachDialect("fields a rule hides (SPEC §4 rule 10)", (dialect) => {
  const store = useStore(dialect);
  // Emails that sort the other way round from the names; `nomail` has none, `hidden`'s is hidden.
  const USERS_WITH_EMAIL = [
    { name: "a-nomail", email: null },
    { name: "b-hidden", email: "a@example.com" },
    { name: "c-shown", email: "c@example.com" },
    { name: "d-shown", email: "b@example.com" },
  ];
  const hideB = { email: (eb: Parameters<ShownWhere>[0]) => eb(eb.ref("users.name"), "!=", "b-hidden") };

  before(async () => {
    // Ids in the order of the names, so that ties broken by id read in name order.
    for (const [i, u] of USERS_WITH_EMAIL.entries()) await insertUser(store.db.kysely, userRow({ ...u, id: `${i}${newId().slice(1)}` }));
  });

  const names = async (query: Record<string, string>, shown: { email: ShownWhere }) =>
    (await listUsers(store.db.kysely, parseListParams(query, USER_FILTERS), shown)).items.map((u) => u.name);

  it("no email sorts first going up and last going down, on every dialect", async () => {
    assert.deepEqual(await names({ sort_by: "asc:email" }, EMAILS_SHOWN), ["a-nomail", "b-hidden", "d-shown", "c-shown"]);
    assert.deepEqual(await names({ sort_by: "desc:email" }, EMAILS_SHOWN), ["c-shown", "d-shown", "b-hidden", "a-nomail"]);
  });

  it("a hidden email sorts as no email, ties broken by id", async () => {
    assert.deepEqual(await names({ sort_by: "asc:email" }, hideB), ["a-nomail", "b-hidden", "d-shown", "c-shown"]);
    assert.deepEqual(await names({ sort_by: "desc:email" }, hideB), ["c-shown", "d-shown", "b-hidden", "a-nomail"]);
  });

  it("a hidden email matches no filter, with and or or", async () => {
    assert.deepEqual(await names({ email: "a@example.com" }, EMAILS_SHOWN), ["b-hidden"]);
    assert.deepEqual(await names({ email: "a@example.com" }, hideB), []);
    assert.deepEqual(await names({ email: "contains:@", logical_operator: "or", name: "a-nomail" }, hideB), [
      "a-nomail",
      "c-shown",
      "d-shown",
    ]);
    assert.equal((await listUsers(store.db.kysely, parseListParams({ email: "endswith:.com" }, USER_FILTERS), hideB)).total, 2);
  });
});
