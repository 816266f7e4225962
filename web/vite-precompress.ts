/**
 * A Vite plugin writing a Brotli and a gzip copy beside each built script and stylesheet, which
 * the server sends to browsers that accept them (src/server/http/routes/dashboard.ts). Compressing
 * once at build time allows the slowest, smallest settings and costs the server nothing per request.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|svg)$/;
/**
 * Brotli's best quality (11) takes ten times as long as 9 for about 5% fewer bytes: on the password
 * estimator's 1.6 MB of dictionaries that was three seconds of every build, which loads on one page.
 */
const BROTLI_BEST_UP_TO = 512 * 1024;

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "cohort-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const source = await readFile(path);
          const quality = source.length <= BROTLI_BEST_UP_TO ? 11 : 9;
          await writeFile(`${path}.br`, await brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }));
          await writeFile(`${path}.gz`, await gz(source, { level: 9 }));
        }),
      );
    },
  };
}
