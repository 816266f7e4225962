/**
 * The password estimator's process (password-estimator.ts): loads the dictionaries once, answers
 * each request with its estimate, in order, and exits when the server closes the channel (or goes
 * away). Requests that come while it loads wait for the load.
 */
import { loadEstimator } from "../../core/password-strength.js";
import type { Reply, Request } from "./password-estimator.js";

const loaded = loadEstimator();
process.on("message", ({ id, password, words }: Request) => {
  void loaded.then((estimate) => {
    const reply: Reply = { id, estimate: estimate(password, words) };
    process.send?.(reply);
  });
});
process.on("disconnect", () => process.exit(0));
