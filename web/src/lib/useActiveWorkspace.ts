/**
 * The workspace the stacks and components pages show. It is in the address (`?workspace=name`), so
 * a link opens the same view, and remembered in this browser for the next visit; without either,
 * it is `default`, or the first workspace the user can read.
 */
import { useSearchParams } from "react-router";
import { useWorkspaces } from "../api/workspaces";

const PARAM = "workspace";
const STORAGE_KEY = "cohort.workspace";

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function useActiveWorkspace() {
  const workspaces = useWorkspaces();
  const [params, setParams] = useSearchParams();
  const wanted = params.get(PARAM) ?? remembered() ?? "default";
  const items = workspaces.data?.items ?? [];
  const active = items.find((w) => w.name === wanted) ?? items.find((w) => w.name === "default") ?? items[0];
  const choose = (name: string) => {
    try {
      localStorage.setItem(STORAGE_KEY, name);
    } catch {
      // Storage may be off (private mode): the address still holds the choice.
    }
    setParams(
      (next) => {
        next.set(PARAM, name);
        return next;
      },
      { replace: true },
    );
  };
  return { workspaces, active, choose };
}
