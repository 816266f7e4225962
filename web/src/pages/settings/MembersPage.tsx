/**
 * Settings → Members: every user with status, roles, teams and created date; search and paging;
 * inviting; and per member the actions the server's abilities allow.
 */
import { Button, Group, Pagination, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useAbilities } from "../../api/abilities";
import { MEMBERS_PAGE_SIZE, useUsers } from "../../api/users";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { MemberDialogs, type MemberDialog } from "./members/MemberDialogs";
import { MembersTable } from "./members/MembersTable";

export function MembersPage() {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<MemberDialog | null>(null);
  const users = useUsers(page, debounced);
  const ids = users.data?.items.map((u) => u.id) ?? [];
  const abilities = useAbilities({ users: ids });
  const canInvite = abilities.data?.global["users:invite"] ?? false;

  const onSearch = (value: string) => {
    setSearch(value);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone who can log in to this server, and everyone invited to."
        actions={canInvite && <Button onClick={() => setDialog({ kind: "invite" })}>Invite member</Button>}
      />
      <Stack gap="md">
        <TextInput
          aria-label="Search members by username"
          placeholder="Search by username"
          type="search"
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          maw={360}
        />
        <QueryState query={users} what="members">
          {(list) => (
            <>
              <MembersTable users={list.items} abilities={abilities.data?.users ?? {}} onAction={setDialog} search={debounced} />
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {list.total === 0
                    ? "No members found."
                    : `Showing ${(list.index - 1) * MEMBERS_PAGE_SIZE + 1}–${(list.index - 1) * MEMBERS_PAGE_SIZE + list.items.length} of ${list.total}`}
                </Text>
                {list.total_pages > 1 && (
                  <Pagination
                    total={list.total_pages}
                    value={page}
                    onChange={setPage}
                    size="sm"
                    getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
                    getControlProps={(control) => ({ "aria-label": `${control[0]?.toUpperCase()}${control.slice(1)} page` })}
                  />
                )}
              </Group>
            </>
          )}
        </QueryState>
      </Stack>
      <MemberDialogs dialog={dialog} onChange={setDialog} />
    </>
  );
}
