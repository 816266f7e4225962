/**
 * A page whose code is fetched the first time it is shown, so each page is a chunk of its own and
 * the login page does not carry the settings pages. A Suspense boundary above shows the wait.
 */
import { lazy, type ComponentType } from "react";
import { PageLoadFailed } from "../components/PageLoadFailed";

/** `lazyPage(() => import("./pages/LoginPage"), "LoginPage")`: the module and its page's export. */
export function lazyPage<M extends Record<K, ComponentType>, K extends string>(load: () => Promise<M>, name: K) {
  return lazy<ComponentType>(() =>
    load().then(
      (module) => ({ default: module[name] }),
      // A failed fetch would otherwise be thrown at the router, which shows an error dump.
      () => ({ default: PageLoadFailed }),
    ),
  );
}
