/** The fixed JSON body both reference servers answer with (about 60 bytes). */
export const BASELINE_BODY = JSON.stringify({ id: "5f0c1c6e-2b7a-4c1e-9d1a-3c2b1a0f9e8d", name: "default" });

/** Tells bench/child.ts where a reference server listens, and stops it when the bench lets go. */
export function announce(url: string, close: (done: () => void) => void): void {
  process.send?.({ type: "ready", url });
  process.on("disconnect", () => close(() => process.exit(0)));
}
