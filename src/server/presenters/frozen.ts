/**
 * Wire objects that outlive one request (the remembered answer of `GET /current-user`) are frozen
 * all the way down: nothing can change one after it was first sent, which is also what lets the
 * reply serializer write each one out only once (http/reply-serializer.ts).
 */
export function frozen<T>(value: T): T {
  const pending: unknown[] = [value];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item === null || typeof item !== "object" || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const inner of Object.values(item)) pending.push(inner);
  }
  return value;
}
