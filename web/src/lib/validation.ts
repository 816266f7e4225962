/** Client-side checks with the server's own zod schemas (src/core/schemas), so both agree. */
import type { z } from "zod";

/** The first problem `schema` finds with `value`, phrased for a form field, or null. */
export function fieldError(schema: z.ZodType, value: unknown, label: string): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return `${label} ${result.error.issues[0]?.message ?? "is not valid"}`;
}
