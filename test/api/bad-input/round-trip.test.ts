/**
 * Odd input that is valid must work, exactly (SPEC §3, §6, §10): on every collection a client can
 * create from names and text alone (users, roles, teams, workspaces, and whatever joins them),
 * names with any Unicode, quotes and SQL/LIKE metacharacters are created, read back by id and by
 * name, and found by every string filter; 255-code-point names reach their route; LIKE
 * metacharacters (`%`, `_`, `\`, `!`, `'`) in a filter match themselves and nothing else, on
 * all three dialects. Blank names are refused, and refusing writes nothing.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, it } from "node:test";
import fc from "fast-check";
import { checkProperty, eachRoute, useBadInputSuite, type BadInputSuite } from "../../helpers/bad-input.js";
import { refersById, validBase } from "../../helpers/body-mutations.js";
import { describeEachDialect } from "../../helpers/dialects.js";
import { oddName, oddString, percentEncode, queryString } from "../../helpers/generators.js";
import type { RawReply } from "../../helpers/raw-http.js";
import { routeKey, type CatalogueRoute, type JsonSchema } from "../../helpers/route-catalogue.js";

interface Collection {
  create: CatalogueRoute;
  get: CatalogueRoute;
  list: CatalogueRoute;
  /** Optional free-text fields (no format, pattern or enum), which must round-trip byte for byte. */
  textFields: string[];
}

/** Free text a client may store: anything but what the stores cannot hold (text-guard.ts). */
const oddText = oddString.map((s) => s.replace(/\0/g, ""));

const tag = () => randomBytes(4).toString("hex");
const json = (reply: RawReply) =>
  JSON.parse(reply.text) as Record<string, unknown> & { id: string; items?: { id: string; name: string }[] };

function textFields(schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => !(schema.required ?? []).includes(key) && !/password|token/.test(key))
    .filter(([, field]) => [field.type].flat().includes("string") && field.maxLength && !field.format && !field.pattern && !field.enum)
    .map(([key]) => key);
}

/** Routes that create from names and text alone, with their get-one and list routes beside them. */
function collections(suite: BadInputSuite): Collection[] {
  const out: Collection[] = [];
  for (const create of suite.routes.filter((r) => r.method === "POST" && r.params.length === 0 && r.body?.properties?.name)) {
    if (refersById(create.body ?? {})) continue;
    const get = suite.routes.find(
      (r) => r.method === "GET" && r.params.length === 1 && r.url.startsWith(`${create.url}/:`) && r.params[0]?.kind === "name",
    );
    const list = suite.routes.find((r) => r.method === "GET" && r.url === create.url && r.list);
    if (get && list) out.push({ create, get, list, textFields: textFields(create.body ?? {}) });
  }
  return out;
}

/** Code points, so a slice never splits a surrogate pair. */
const points = (s: string) => [...s];

describeEachDialect("odd but valid input round-trips", (dialect) => {
  const s = useBadInputSuite(dialect, "round-trip");
  let found: Collection[] = [];
  before(() => {
    found = collections(s);
  });

  const create = async (c: Collection, fields: Record<string, unknown>) => {
    const body = JSON.stringify({ ...(validBase(c.create.body ?? {}) as object), ...fields });
    return s.send(c.create, { method: "POST", path: c.create.url, headers: { "content-type": "application/json" }, body }, [200]);
  };
  const filter = async (c: Collection, value: string) => {
    const reply = await s.send(
      c.list,
      {
        method: "GET",
        path:
          c.list.url +
          queryString([
            ["name", value],
            ["size", "10000"],
          ]),
      },
      [200],
    );
    return json(reply).items ?? [];
  };

  it("finds the collections to create in", () => {
    const urls = found.map((c) => c.create.url);
    for (const url of ["/api/v1/users", "/api/v1/roles", "/api/v1/teams", "/api/v1/workspaces"])
      assert.ok(urls.includes(url), `${url} is not covered`);
  });

  it("odd names and text are stored exactly, read back by id and by name, and found by every string filter", async (t) => {
    await eachRoute(
      t,
      found.map((c) => c.create),
      async (route) => {
        const c = found.find((x) => x.create === route) as Collection;
        const texts = fc.tuple(...c.textFields.map(() => oddText));
        await checkProperty(routeKey(route), fc.tuple(oddName, texts, fc.nat(), fc.nat()), 10, async ([odd, values, from, to]) => {
          const name = `${odd}-${tag()}`;
          const fields = Object.fromEntries(c.textFields.map((key, i) => [key, values[i]]));
          const created = json(await create(c, { name, ...fields }));
          assert.equal(created.name, name.trim());
          for (const [key, value] of Object.entries(fields)) assert.equal(created[key], value, `${key} came back changed`);
          const byId = json(await s.send(c.get, { method: "GET", path: `${c.create.url}/${created.id}` }, [200]));
          for (const key of ["id", "name", ...c.textFields]) assert.equal(byId[key], created[key], `${key} read back changed`);
          const byName = json(await s.send(c.get, { method: "GET", path: `${c.create.url}/${percentEncode(name.trim())}` }, [200]));
          assert.equal(byName.id, created.id);
          // Any slice of the name, with each operator, finds it. Only names holding that slice may come
          // back; checked for ASCII slices, since beyond ASCII each store lower-cases in its own way.
          const chars = points(name.trim());
          const start = from % chars.length;
          const part = chars.slice(start, start + 1 + (to % (chars.length - start))).join("");
          const checks: [string, (n: string) => boolean][] = [
            [`equals:${name.trim()}`, (n) => n.toLowerCase() === name.trim().toLowerCase()],
            [`contains:${part}`, (n) => n.toLowerCase().includes(part.toLowerCase())],
            [
              `startswith:${chars.slice(0, chars.length - start).join("")}`,
              (n) =>
                n.toLowerCase().startsWith(
                  chars
                    .slice(0, chars.length - start)
                    .join("")
                    .toLowerCase(),
                ),
            ],
            [`endswith:${chars.slice(start).join("")}`, (n) => n.toLowerCase().endsWith(chars.slice(start).join("").toLowerCase())],
          ];
          for (const [value, holds] of checks) {
            const items = await filter(c, value);
            assert.ok(
              items.some((i) => i.id === created.id),
              `name=${value} does not find ${JSON.stringify(name)}`,
            );
            if (/^[\x20-\x7e]*$/.test(value)) {
              const strays = items.filter((i) => !holds(i.name)).map((i) => i.name);
              assert.deepEqual(strays, [], `name=${value} also matched names without it`);
            }
          }
        });
      },
    );
  });

  it("LIKE metacharacters in a filter match only themselves", async (t) => {
    await eachRoute(
      t,
      found.map((c) => c.create),
      async (route) => {
        const c = found.find((x) => x.create === route) as Collection;
        const id = tag();
        // Each literal beside the decoy a wildcard reading would also match.
        const pairs: [string, string][] = [
          ["100%", "100x"],
          ["a_b", "axb"],
          ["a\\b", "ab"],
          ["a!b", "ab!"],
          ["a!%b", "a!xb"],
          ["o'k", "ok"],
          ["%", "x"],
          ["_", "y"],
          ["\\%", "\\x"],
        ];
        const names = new Map<string, string>();
        for (const [i, [literal, decoy]] of pairs.entries()) {
          for (const text of [literal, decoy]) {
            const name = `${id}-${i}-${text}`;
            if (!names.has(name)) names.set(name, json(await create(c, { name })).id);
          }
        }
        for (const [i, [literal]] of pairs.entries()) {
          const name = `${id}-${i}-${literal}`;
          for (const op of ["equals", "contains", "startswith", "endswith"]) {
            const items = await filter(c, `${op}:${name}`);
            assert.deepEqual(
              items.map((x) => x.name),
              [name],
              `name=${op}:${name}`,
            );
          }
          const tail = await filter(c, `endswith:-${i}-${literal}`);
          assert.deepEqual(
            tail.filter((x) => x.name.startsWith(id)).map((x) => x.name),
            [name],
            `name=endswith:-${i}-${literal}`,
          );
        }
      },
    );
  });

  it("a 255-code-point name reaches its route and reads back", async (t) => {
    await eachRoute(
      t,
      found.map((c) => c.create),
      async (route) => {
        const c = found.find((x) => x.create === route) as Collection;
        const name = `${tag()}-${"𝄞é".repeat(123)}`.slice(0, 255 * 2);
        const cut = points(name).slice(0, 255).join("");
        const created = json(await create(c, { name: cut }));
        const byName = json(await s.send(c.get, { method: "GET", path: `${c.create.url}/${percentEncode(cut)}` }, [200]));
        assert.equal(byName.id, created.id);
        assert.equal(byName.name, cut);
      },
    );
  });

  it("names are trimmed, and blank names are refused without a write", async (t) => {
    await eachRoute(
      t,
      found.map((c) => c.create),
      async (route) => {
        const c = found.find((x) => x.create === route) as Collection;
        const name = `${tag()}-padded`;
        assert.equal(json(await create(c, { name: ` \t${name}\u3000 ` })).name, name);
        await s.batch("blank names", async () => {
          for (const blank of ["", " ", "\t\n", "\u3000", "\u00a0 \ufeff"]) {
            const body = JSON.stringify({ ...(validBase(c.create.body ?? {}) as object), name: blank });
            await s.send(c.create, { method: "POST", path: c.create.url, headers: { "content-type": "application/json" }, body }, [422]);
          }
        });
      },
    );
  });
});
