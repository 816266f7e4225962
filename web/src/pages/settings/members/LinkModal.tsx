/** A sign-up link to hand over: after an invitation, a regenerated link or a password reset. */
import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import type { User } from "../../../api/types";
import type { Invitation } from "../../../api/users";
import { CopyField } from "../../../components/CopyField";

interface Props {
  user: User;
  link: string;
  refused?: Invitation["refused"];
  onClose: () => void;
}

export function LinkModal({ user, link, refused = [], onClose }: Props) {
  return (
    <Modal opened onClose={onClose} title={`Sign-up link for ${user.name}`} centered closeButtonProps={{ "aria-label": "Close" }}>
      <Stack gap="md">
        <Text size="sm">
          Send this link to {user.name}. It works once, expires after a while, and is shown only now: a new link can be made later if
          needed.
        </Text>
        <CopyField label="Sign-up link" value={link} />
        {refused.length > 0 && (
          <Alert color="orange" title="Some roles were not given">
            <List size="sm">
              {refused.map(({ role, message }) => (
                <List.Item key={role.id}>
                  {role.name}: {message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
