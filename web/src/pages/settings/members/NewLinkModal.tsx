/**
 * A new sign-up link for a member: for someone invited, it replaces the old link; for someone with
 * an account, it resets their password (they are logged out until they use it).
 */
import { Text } from "@mantine/core";
import type { User } from "../../../api/types";
import { useNewLink } from "../../../api/users";
import { FormModal } from "../../../components/FormModal";

interface Props {
  user: User;
  onClose: () => void;
  onLink: (link: string) => void;
}

export function NewLinkModal({ user, onClose, onLink }: Props) {
  const newLink = useNewLink();
  const pending = user.status === "pending";
  return (
    <FormModal
      opened
      onClose={onClose}
      title={pending ? `New invitation link for ${user.name}` : `Reset the password of ${user.name}`}
      submitLabel={pending ? "Regenerate link" : "Reset password"}
      danger={!pending}
      onSubmit={() => newLink.mutate(user, { onSuccess: onLink })}
      pending={newLink.isPending}
      error={newLink.error}
    >
      <Text size="sm">
        {pending
          ? "The link sent before stops working."
          : `${user.name} is logged out everywhere and cannot log in until they set a new password with the link.`}
      </Text>
    </FormModal>
  );
}
