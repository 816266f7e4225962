/**
 * JSON for answers without a response schema. A frozen answer (presenters/frozen.ts) cannot change,
 * so its JSON is kept beside it for as long as the answer itself is kept: writing out the caller's
 * account was a tenth of a `GET /current-user` (docs/performance.md).
 */
const written = new WeakMap<object, string>();

export function serializeReply(payload: unknown): string {
  if (payload === null || typeof payload !== "object" || !Object.isFrozen(payload)) return JSON.stringify(payload);
  let json = written.get(payload);
  if (json === undefined) written.set(payload, (json = JSON.stringify(payload)));
  return json;
}
