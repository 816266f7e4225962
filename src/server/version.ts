import { readFileSync } from "node:fs";

/** Cohort's own version (package.json), sent in the `x-cohort-version` header. */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/** The ZenML API version Cohort speaks, reported by `/info` and `/version`. */
export const ZENML_API_VERSION = "0.40.3";
