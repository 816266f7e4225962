/** Who a member is at a glance: initials, full name, @username. */
import { Avatar, Group, Stack, Text } from "@mantine/core";
import type { User } from "../../../api/types";
import { initials } from "../../../components/UserMenu";

export function MemberIdentity({ user }: { user: User }) {
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <Avatar color="blue" radius="xl" size={34} aria-hidden>
        {initials(user)}
      </Avatar>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={600} truncate>
          {user.full_name || user.name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          @{user.name}
        </Text>
      </Stack>
    </Group>
  );
}
