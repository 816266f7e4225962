/** The logged-in user in the header: who they are, their settings, and logging out. */
import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useNavigate } from "react-router";
import { useLogout } from "../api/session";
import type { User } from "../api/types";

export function initials(user: Pick<User, "name" | "full_name">): string {
  const words = (user.full_name || user.name).split(/[\s._-]+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("") || "?"
  );
}

export function UserMenu({ user }: { user: User }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const logOut = () => logout.mutate(undefined, { onSettled: () => void navigate("/login", { replace: true }) });
  return (
    <Menu position="bottom-end" width={220} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        {/* Named by hidden text, not aria-label: the initials shown ("JD") are not in the name. */}
        <UnstyledButton>
          <Avatar color="blue" radius="xl" size={36} aria-hidden>
            {initials(user)}
          </Avatar>
          <VisuallyHidden>Account menu for {user.name}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {user.full_name || user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            @{user.name}
          </Text>
        </Menu.Label>
        <Menu.Item onClick={() => void navigate("/settings/personal")}>Personal settings</Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red.9" onClick={logOut}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
