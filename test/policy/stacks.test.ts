/**
 * Stack and component rules on top of sharing (src/server/policy/stacks.ts, components.ts,
 * sharing.ts; SPEC §4 rule 4): a private resource of someone else answers the 404 a missing one
 * answers; writers in the workspace edit and delete shared ones; only the owner renames, shares or
 * unshares; every user's `default` stack and its default orchestrator and artifact store stay;
 * a component held by a stack is not deleted, nor unshared while a shared stack or another
 * user's stack holds it; a shared stack holds only shared components.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  authorizeDeleteComponent,
  authorizeReadComponent,
  authorizeUnshareComponent,
  authorizeUpdateComponent,
  isDefaultComponent,
} from "../../src/server/policy/components.js";
import { authorizeDeleteShareable, authorizeReadShareable, canSeeShareable, isOwner } from "../../src/server/policy/sharing.js";
import { authorizeDeleteStack, authorizeReadStack, authorizeUpdateStack, requireSharedComponents } from "../../src/server/policy/stacks.js";
import { illegal, localActor, NOT_ENOUGH, notFound, outcome, userActor } from "../helpers/policy.js";

const owner = userActor("owner", [], { ws: ["read", "write"] });
const writer = userActor("writer", ["read", "write"]);
const reader = userActor("reader", [], { ws: ["read"] });
const outsider = userActor("outsider", ["write"], { other: ["read"] });
const stack = { id: "s1", name: "prod", workspaceId: "ws", userId: "owner", isShared: true };
const privateStack = { ...stack, isShared: false };
const STACK_MISSING = notFound("Unable to get stack with ID 's1': no stack with this ID exists.");

describe("sharing", () => {
  it("the owner is the one named, or the local actor", () => {
    assert.equal(isOwner(owner, stack), true);
    assert.equal(isOwner(writer, stack), false);
    assert.equal(isOwner(localActor(), stack), true);
  });

  it("a shared resource is seen by readers of its workspace; a private one by its owner, who reads there", () => {
    assert.equal(canSeeShareable(reader, stack), true);
    assert.equal(canSeeShareable(reader, privateStack), false);
    assert.equal(canSeeShareable(owner, privateStack), true);
    assert.equal(canSeeShareable(outsider, stack), false);
    assert.equal(canSeeShareable(userActor("owner", [], { other: ["read"] }), privateStack), false, "an owner without read there");
    assert.equal(canSeeShareable(localActor(), privateStack), true);
  });

  it("reading and deleting: hidden is 404; deleting also needs write there", () => {
    assert.equal(
      outcome(() => authorizeReadShareable(reader, privateStack, "gone")),
      notFound("gone"),
    );
    assert.equal(
      outcome(() => authorizeDeleteShareable(reader, stack, "gone")),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeDeleteShareable(writer, privateStack, "gone")),
      notFound("gone"),
    );
    assert.equal(
      outcome(() => authorizeDeleteShareable(writer, stack, "gone")),
      "ok",
    );
  });
});

describe("stacks", () => {
  it("reading: the stack's own 404 message", () => {
    assert.equal(
      outcome(() => authorizeReadStack(reader, stack)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeReadStack(writer, privateStack)),
      STACK_MISSING,
    );
  });

  it("updating: writers edit a shared stack; only the owner renames, shares or unshares", () => {
    const ONLY_OWNER = illegal("Only the owner of stack 'prod' can rename, share or unshare it.");
    assert.equal(
      outcome(() => authorizeUpdateStack(writer, stack, { name: null, is_shared: null })),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(writer, stack, { name: "prod", is_shared: true })),
      "ok",
      "the same values are no change",
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(writer, stack, { name: "other" })),
      ONLY_OWNER,
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(writer, stack, { is_shared: false })),
      ONLY_OWNER,
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(owner, stack, { name: "other", is_shared: false })),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(owner, privateStack, { is_shared: true })),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(writer, privateStack, {})),
      STACK_MISSING,
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(reader, stack, {})),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeUpdateStack(writer, stack, { workspace: "elsewhere" })),
      illegal("Moving stack 'prod' to another workspace is not supported."),
    );
  });

  it("the default stack is neither changed nor deleted, in any case of its name", () => {
    const byDefault = { ...privateStack, name: "Default" };
    assert.equal(
      outcome(() => authorizeUpdateStack(owner, byDefault, {})),
      illegal("The default stack cannot be modified."),
    );
    assert.equal(
      outcome(() => authorizeDeleteStack(owner, byDefault)),
      illegal("The default stack cannot be deleted."),
    );
    assert.equal(
      outcome(() => authorizeDeleteStack(owner, privateStack)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeDeleteStack(reader, stack)),
      NOT_ENOUGH,
    );
  });

  it("a shared stack holds only shared components, with ZenML's messages", () => {
    const open = { id: "c9", type: "artifact_store", name: "local", isShared: false };
    const shared = { id: "c8", type: "orchestrator", name: "k8s", isShared: true };
    assert.equal(
      outcome(() => requireSharedComponents({ name: "prod", isShared: false }, [open], true)),
      "ok",
    );
    assert.equal(
      outcome(() => requireSharedComponents({ name: "prod", isShared: true }, [shared], true)),
      "ok",
    );
    assert.equal(
      outcome(() => requireSharedComponents({ name: "prod", isShared: true }, [shared, open], true)),
      "400 ValueError: You attempted to include the private artifact_store 'local' in a shared stack. This is not supported. You can either share the artifact_store with the following command:\n`zenml artifact-store share`c9`\nor create the stack privately and then share it and all of its components using:\n`zenml stack share prod -r`",
    );
    assert.equal(
      outcome(() => requireSharedComponents({ name: "prod", isShared: true }, [open], false)),
      "400 ValueError: A Stack can only be shared when all its components are also shared. Component 'artifact_store:local' is not shared. Set the artifact_store to shared like this and then try re-sharing your stack:\n `zenml artifact-store share c9`\nAlternatively, you can rerun your command with `-r` to recursively share all components within the stack.",
    );
  });
});

describe("components", () => {
  const component = { id: "c1", name: "s3", type: "artifact_store", workspaceId: "ws", userId: "owner", isShared: true };
  const MISSING = notFound("Unable to get stack component with ID 'c1': no stack component with this ID exists.");

  it("only the default orchestrator and artifact store are protected defaults", () => {
    assert.equal(isDefaultComponent({ name: "DEFAULT", type: "orchestrator" }), true);
    assert.equal(isDefaultComponent({ name: "default", type: "artifact_store" }), true);
    assert.equal(isDefaultComponent({ name: "default", type: "alerter" }), false);
    assert.equal(isDefaultComponent({ name: "local", type: "orchestrator" }), false);
  });

  it("reading and updating follow sharing, with the component's own messages", () => {
    assert.equal(
      outcome(() => authorizeReadComponent(reader, component)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeReadComponent(writer, { ...component, isShared: false })),
      MISSING,
    );
    assert.equal(
      outcome(() => authorizeUpdateComponent(writer, component, {})),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUpdateComponent(writer, component, { name: "s4" })),
      illegal("Only the owner of artifact_store 's3' can rename, share or unshare it."),
    );
    assert.equal(
      outcome(() => authorizeUpdateComponent(owner, { ...component, name: "default" }, {})),
      illegal("The default artifact_store cannot be modified."),
    );
  });

  it("unsharing: refused while a shared stack or another user's stack holds it", () => {
    const blocked = (n: number) =>
      illegal(
        `Stack Component \`s3\` of type \`artifact_store\` cannot be unshared as it is part of ${n} stacks that are shared or owned by other users. Before unsharing this stack component, make sure to remove it from those stacks.`,
      );
    assert.equal(
      outcome(() => authorizeUnshareComponent(component, [])),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUnshareComponent(component, [{ userId: "owner", isShared: false }])),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeUnshareComponent(component, [{ userId: "owner", isShared: true }])),
      blocked(1),
    );
    assert.equal(
      outcome(() => authorizeUnshareComponent(component, [{ userId: "writer", isShared: false }])),
      blocked(1),
    );
    assert.equal(
      outcome(() =>
        authorizeUnshareComponent(component, [
          { userId: "writer", isShared: true },
          { userId: "owner", isShared: false },
          { userId: "owner", isShared: true },
        ]),
      ),
      blocked(2),
    );
  });

  it("deleting: write there; never a default; never while a stack holds it (ZenML's message, typo included)", () => {
    assert.equal(
      outcome(() => authorizeDeleteComponent(writer, component, 0)),
      "ok",
    );
    assert.equal(
      outcome(() => authorizeDeleteComponent(reader, component, 0)),
      NOT_ENOUGH,
    );
    assert.equal(
      outcome(() => authorizeDeleteComponent(owner, { ...component, name: "default" }, 0)),
      illegal("The default artifact_store cannot be deleted."),
    );
    assert.equal(
      outcome(() => authorizeDeleteComponent(writer, component, 2)),
      illegal(
        "Stack Component `s3` of type `artifact_store cannot be deleted as it is part of 2 stacks. Before deleting this stack component, make sure to remove it from all stacks.",
      ),
    );
  });
});
