/** Deactivating a member: they are logged out and cannot log in until reactivated. */
import { Text } from "@mantine/core";
import type { User } from "../../../api/types";
import { useSetActive } from "../../../api/users";
import { FormModal } from "../../../components/FormModal";
import { useMutateAndClose } from "../../../lib/useMutateAndClose";

export function DeactivateModal({ user, onClose }: { user: User; onClose: () => void }) {
  const setActive = useSetActive();
  const setActiveAndClose = useMutateAndClose(setActive, onClose, () => `${user.name} was deactivated.`);
  const submit = () => setActiveAndClose({ user, active: false });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`Deactivate ${user.name}?`}
      submitLabel="Deactivate"
      danger
      onSubmit={submit}
      pending={setActive.isPending}
      error={setActive.error}
    >
      <Text size="sm">
        {user.name} is logged out everywhere and cannot log in until reactivated. Their roles and resources stay as they are.
      </Text>
    </FormModal>
  );
}
