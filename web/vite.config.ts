/**
 * Builds the dashboard into dist/web, which the server serves (src/server/http/routes/dashboard.ts).
 * `npm run dev:web` serves it with hot reload and forwards the API to a server on port 8237.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./vite-precompress.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  plugins: [react(), precompress()],
  build: {
    outDir: here("../dist/web"),
    emptyOutDir: true,
    // The server's CSP allows scripts from 'self' only: no inline module preload polyfill.
    modulePreload: { polyfill: false },
    // The password estimator's chunk is past Vite's 500 kB warning, and loads on demand only.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      output: {
        // Pages are chunks of their own (routes.tsx), and so are the parts of Mantine only some pages
        // use, so the login page does not carry the tables and menus. React, the router and the
        // query cache serve every page and change less often than the app: one chunk of their own
        // stays cached across releases.
        // The password estimator's dictionaries (1.6 MB, 0.8 MB compressed) are fetched only when a
        // password form opens (src/core/password-strength.ts): one chunk, named for what it holds.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 2 },
            { name: "password-estimator", test: /node_modules[\\/](@zxcvbn-ts|fastest-levenshtein)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8237" },
  },
});
