/** A member's action menu, listing only what the server's abilities allow for that member. */
import { ActionIcon, Menu } from "@mantine/core";
import { useSetActive, useUnlockUser } from "../../../api/users";
import type { AbilitySet, User, UserAbility } from "../../../api/types";
import { useToast } from "../../../components/Toaster";
import { messageOf } from "../../../api/errors";
import type { MemberDialog } from "./MemberDialogs";

interface Props {
  user: User;
  can: AbilitySet<UserAbility> | undefined;
  onAction: (dialog: MemberDialog) => void;
}

export function MemberActions({ user, can, onAction }: Props) {
  const setActive = useSetActive();
  const unlock = useUnlockUser();
  const notify = useToast();
  if (!can || !Object.values(can).some(Boolean)) return null;
  const outcome = { onSuccess: () => notify(`${user.name} can log in again.`), onError: (err: unknown) => notify(messageOf(err), "red") };
  const reactivate = () => setActive.mutate({ user, active: true }, outcome);
  const pending = user.status === "pending";
  return (
    <Menu position="bottom-end" width={230} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={`Actions for ${user.name}`}
          loading={setActive.isPending || unlock.isPending}
        >
          <span aria-hidden style={{ fontSize: 20, lineHeight: 1 }}>
            ⋯
          </span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {can.edit_roles && <Menu.Item onClick={() => onAction({ kind: "roles", user })}>Change roles…</Menu.Item>}
        {can.new_link && (
          <Menu.Item onClick={() => onAction({ kind: "new-link", user })}>
            {pending ? "Regenerate invitation link…" : "Reset password…"}
          </Menu.Item>
        )}
        {can.reactivate && <Menu.Item onClick={reactivate}>Reactivate</Menu.Item>}
        {can.unlock && <Menu.Item onClick={() => unlock.mutate(user, outcome)}>Unlock</Menu.Item>}
        {can.deactivate && <Menu.Item onClick={() => onAction({ kind: "deactivate", user })}>Deactivate…</Menu.Item>}
        {can.delete && (
          <>
            <Menu.Divider />
            <Menu.Item color="red.9" onClick={() => onAction({ kind: "delete", user })}>
              Delete…
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
