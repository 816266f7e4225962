/**
 * Rules for stack components, on top of the sharing rules (policy/sharing.ts): the `default`
 * orchestrator and artifact store of every user stay as they are; a component in a stack is not
 * deleted; and a component is not unshared while a shared stack, or a stack of another user, holds
 * it: that stack would then contain something its viewers cannot see.
 */
import { DEFAULT_STACK_NAME, REQUIRED_COMPONENT_TYPES } from "../../core/stack-components.js";
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

export interface ComponentTarget extends ShareableTarget {
  id: string;
  name: string;
  type: string;
}

/** A stack that holds the component, as the unshare rule needs it. */
export interface HoldingStack {
  userId: string;
  isShared: boolean;
}

export function componentNotFound(id: string): string {
  return `Unable to get stack component with ID '${id}': no stack component with this ID exists.`;
}

/** ZenML protects only the default orchestrator and artifact store; a `default` alerter is ordinary. */
export function isDefaultComponent(c: { name: string; type: string }): boolean {
  return c.name.toLowerCase() === DEFAULT_STACK_NAME && (REQUIRED_COMPONENT_TYPES as readonly string[]).includes(c.type);
}

export function visibleComponentsSql(actor: Actor): Where {
  return visibleShareablesSql(actor, "stack_component");
}

export function authorizeReadComponent(actor: Actor, c: ComponentTarget): void {
  authorizeReadShareable(actor, c, componentNotFound(c.id));
}

export function authorizeUpdateComponent(actor: Actor, c: ComponentTarget, request: OwnerFields & PlacementFields): void {
  authorizeChangeShareable(actor, c, componentNotFound(c.id), request, `${c.type} '${c.name}'`);
  forbidWhen(isDefaultComponent(c), `The default ${c.type} cannot be modified.`);
}

export function authorizeUnshareComponent(c: ComponentTarget, holders: readonly HoldingStack[]): void {
  const blocking = holders.filter((s) => s.isShared || s.userId !== c.userId).length;
  forbidWhen(
    blocking > 0,
    `Stack Component \`${c.name}\` of type \`${c.type}\` cannot be unshared as it is part of ${blocking} stacks that are shared or owned by other users. Before unsharing this stack component, make sure to remove it from those stacks.`,
  );
}

export function authorizeDeleteComponent(actor: Actor, c: ComponentTarget, stacksHolding: number): void {
  authorizeDeleteShareable(actor, c, componentNotFound(c.id));
  forbidWhen(isDefaultComponent(c), `The default ${c.type} cannot be deleted.`);
  // ZenML's message, typo (the missing backtick) included: clients may match on it.
  forbidWhen(
    stacksHolding > 0,
    `Stack Component \`${c.name}\` of type \`${c.type} cannot be deleted as it is part of ${stacksHolding} stacks. Before deleting this stack component, make sure to remove it from all stacks.`,
  );
}
