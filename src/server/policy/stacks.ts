/**
 * Rules for stacks, on top of the sharing rules (policy/sharing.ts): every user's `default` stack
 * can be neither changed nor deleted, and a shared stack may only hold shared components, which the
 * server checks (ZenML left it to its Python client, so a raw API call could break it).
 */
import { DEFAULT_STACK_NAME } from "../../core/stack-components.js";
import { BadRequest } from "../errors.js";
import type { Actor } from "./actor.js";
import { forbidWhen } from "./can.js";
import {
  authorizeChangeShareable,
  authorizeDeleteShareable,
  authorizeReadShareable,
  visibleShareablesSql,
  type OwnerFields,
  type ShareableTarget,
} from "./sharing.js";
import type { PlacementFields, Where } from "./workspace-resources.js";

export interface StackTarget extends ShareableTarget {
  id: string;
  name: string;
}

export interface StackMember {
  id: string;
  type: string;
  name: string;
  isShared: boolean;
}

export function stackNotFound(id: string): string {
  return `Unable to get stack with ID '${id}': no stack with this ID exists.`;
}

const isDefault = (stack: StackTarget) => stack.name.toLowerCase() === DEFAULT_STACK_NAME;

export function visibleStacksSql(actor: Actor): Where {
  return visibleShareablesSql(actor, "stack");
}

export function authorizeReadStack(actor: Actor, stack: StackTarget): void {
  authorizeReadShareable(actor, stack, stackNotFound(stack.id));
}

export function authorizeUpdateStack(actor: Actor, stack: StackTarget, request: OwnerFields & PlacementFields): void {
  authorizeChangeShareable(actor, stack, stackNotFound(stack.id), request, `stack '${stack.name}'`);
  forbidWhen(isDefault(stack), "The default stack cannot be modified.");
}

export function authorizeDeleteStack(actor: Actor, stack: StackTarget): void {
  authorizeDeleteShareable(actor, stack, stackNotFound(stack.id));
  forbidWhen(isDefault(stack), "The default stack cannot be deleted.");
}

/**
 * A shared stack holds only shared components. `including` says how the private component got
 * there: added by this request (ZenML's create message) or already in the stack being shared
 * (ZenML's share message); both point the user at the command that fixes it.
 */
export function requireSharedComponents(
  stack: { name: string; isShared: boolean },
  members: readonly StackMember[],
  including: boolean,
): void {
  if (!stack.isShared) return;
  const open = members.find((m) => !m.isShared);
  if (!open) return;
  const command = `zenml ${open.type.replace(/_/g, "-")}`;
  throw new BadRequest(
    including
      ? `You attempted to include the private ${open.type} '${open.name}' in a shared stack. This is not supported. You can either share the ${open.type} with the following command:\n\`${command} share\`${open.id}\`\nor create the stack privately and then share it and all of its components using:\n\`zenml stack share ${stack.name} -r\``
      : `A Stack can only be shared when all its components are also shared. Component '${open.type}:${open.name}' is not shared. Set the ${open.type} to shared like this and then try re-sharing your stack:\n \`${command} share ${open.id}\`\nAlternatively, you can rerun your command with \`-r\` to recursively share all components within the stack.`,
  );
}
