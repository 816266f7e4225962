/**
 * Sharing, unsharing or deleting a stack or component, confirmed first. The server may still
 * refuse for what the data says (a shared stack holding a private component, a component in a
 * stack); its message is shown here in place.
 */
import { Text } from "@mantine/core";
import { useDeleteShareable, useSetShared, type ShareableKind } from "../../api/shareables";
import type { AbilitySet, ShareableAbility } from "../../api/types";
import type { Action } from "../../components/ActionMenu";
import { FormModal } from "../../components/FormModal";
import { useMutateAndClose } from "../../lib/useMutateAndClose";

export type ShareableAction = "share" | "unshare" | "delete";

interface Props {
  kind: ShareableKind;
  action: ShareableAction;
  /** "stack prod" or "orchestrator kubeflow". */
  what: string;
  id: string;
  workspace: string;
  onClose: () => void;
}

const VERB: Record<ShareableAction, string> = { share: "Share", unshare: "Unshare", delete: "Delete" };

/** A row's menu: the actions the abilities allow, each opening this dialog. */
export function shareableActions(can: AbilitySet<ShareableAbility> | undefined, open: (action: ShareableAction) => void): Action[] {
  const allowed = (["share", "unshare", "delete"] as const).filter((action) => can?.[action]);
  return allowed.map((action) => ({ label: `${VERB[action]}…`, danger: action === "delete", onClick: () => open(action) }));
}

export function ShareableActionModal({ kind, action, what, id, workspace, onClose }: Props) {
  const setShared = useSetShared(kind);
  const remove = useDeleteShareable(kind);
  const mutation = action === "delete" ? remove : setShared;
  const done = { share: "shared", unshare: "unshared", delete: "deleted" }[action];
  const toast = () => `${what[0]?.toUpperCase()}${what.slice(1)} ${done}.`;
  const removeAndClose = useMutateAndClose(remove, onClose, toast);
  const setSharedAndClose = useMutateAndClose(setShared, onClose, toast);
  const submit = () => (action === "delete" ? removeAndClose(id) : setSharedAndClose({ id, shared: action === "share" }));
  const explanation = {
    share: `Everyone who can read workspace ${workspace} will see it and can use it.`,
    unshare:
      kind === "stacks"
        ? "Only you will see it."
        : "Only you will see it. A component held by a shared stack, or by someone else's stack, stays shared until it is taken out.",
    delete: "This cannot be undone.",
  }[action];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${VERB[action]} ${what}?`}
      submitLabel={VERB[action]}
      danger={action === "delete"}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
    >
      <Text size="sm">{explanation}</Text>
    </FormModal>
  );
}
