/** Schemas and helpers shared by route modules. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

export const API = "/api/v1";

/** Route modules use the zod type provider so handlers see parsed, typed input. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Documents the common list parameters; parsing happens in list-params.ts against each resource. */
export const listQuery = z
  .object({
    page: z.string().optional(),
    size: z.string().optional(),
    sort_by: z.string().optional(),
    logical_operator: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

const nameOrId = z.string().min(1).max(255);
const uuidParam = z.uuid({ message: "value is not a valid uuid" });

/** A path parameter holding a name or an id (resolved as ZenML does: a UUID is an id). */
export function nameOrIdParams<K extends string>(key: K) {
  return z.object({ [key]: nameOrId } as Record<K, typeof nameOrId>);
}

/** A path parameter that must be a UUID (422 otherwise, as ZenML answers). */
export function idParams<K extends string>(key: K) {
  return z.object({ [key]: uuidParam } as Record<K, typeof uuidParam>);
}
