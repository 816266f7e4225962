/**
 * `update` commands that add to and take from a list (`role update -a/-r`, `team update -a/-r`).
 * The same value on both sides is a usage error, and the list is sent only when it changes: the
 * server keeps it as it is otherwise, so a rename alone never touches it.
 */
import { UsageError } from "./errors.js";

export function checkListEdit(edit: {
  add: readonly string[];
  remove: readonly string[];
  what: string;
  other: boolean;
  nothing: string;
}): void {
  if (edit.add.some((v) => edit.remove.includes(v))) throw new UsageError(`You can not add and remove the same ${edit.what}.`);
  if (!edit.other && edit.add.length === 0 && edit.remove.length === 0) throw new UsageError(edit.nothing);
}

/** The list with `add` added and `remove` removed, or undefined when neither names anything. */
export function editedList<T>(current: readonly T[], add: readonly T[], remove: readonly T[]): T[] | undefined {
  if (add.length + remove.length === 0) return undefined;
  return [...new Set([...current, ...add])].filter((v) => !remove.includes(v));
}
