/**
 * The frame of every logged-in page: header with the account menu, the navigation (a workspace's
 * stacks and components, then the settings; a drawer behind the burger on phones), and the page.
 * Sections the actor may not open are not listed; the abilities say which.
 */
import { Anchor, AppShell, Box, Burger, Group, NavLink, ScrollArea, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect, type ReactNode } from "react";
import { NavLink as RouterNavLink, useLocation } from "react-router";
import { useAbilities } from "../api/abilities";
import type { GlobalAbility, User } from "../api/types";
import { usePhone } from "../lib/usePhone";
import { Logo } from "./Logo";
import { UserMenu } from "./UserMenu";

interface Section {
  to: string;
  label: string;
  /** Listed only when the actor has this ability; always listed when absent. */
  ability?: GlobalAbility;
}

/** Pages about the contents of the active workspace. */
export const WORKSPACE_SECTIONS: readonly Section[] = [
  { to: "/stacks", label: "Stacks", ability: "workspaces:read" },
  { to: "/components", label: "Components", ability: "workspaces:read" },
];

export const SETTINGS_SECTIONS: readonly Section[] = [
  { to: "/settings/personal", label: "Personal" },
  { to: "/settings/members", label: "Members", ability: "users:read" },
  { to: "/settings/teams", label: "Teams", ability: "teams:read" },
  { to: "/settings/roles", label: "Roles", ability: "roles:read" },
  { to: "/settings/workspaces", label: "Workspaces", ability: "workspaces:read" },
  { to: "/settings/audit", label: "Audit log", ability: "audit:read" },
];

export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const phone = usePhone();
  const abilities = useAbilities();
  const location = useLocation();
  useEffect(close, [location.pathname, close]);
  const allowed = (sections: readonly Section[]) => sections.filter((s) => !s.ability || abilities.data?.global[s.ability]);
  const groups = [
    { title: "Workspace", sections: allowed(WORKSPACE_SECTIONS) },
    { title: "Settings", sections: allowed(SETTINGS_SECTIONS) },
  ].filter((g) => g.sections.length > 0);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className="skip-link">
        Skip to content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
            />
            <Anchor component={RouterNavLink} to="/" underline="never" c="dark">
              <Logo />
              <VisuallyHidden>home</VisuallyHidden>
            </Anchor>
          </Group>
          <UserMenu user={user} />
        </Group>
      </AppShell.Header>
      {/* A closed drawer is only moved off-screen: inert keeps it out of the tab order too. */}
      <AppShell.Navbar p="sm" aria-label="Dashboard" inert={phone && !opened}>
        <ScrollArea>
          {groups.map((group) => (
            <Box key={group.title} mb="sm">
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" py={6}>
                {group.title}
              </Text>
              {group.sections.map((s) => (
                <NavLink key={s.to} component={RouterNavLink} to={s.to} label={s.label} active={location.pathname.startsWith(s.to)} />
              ))}
            </Box>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
