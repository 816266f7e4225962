/**
 * Settings → Members: every user with status, roles, teams and created date; search and paging;
 * inviting; and per member the actions the server's abilities allow.
 */
import { Button, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useAbilities } from "../../api/abilities";
import { MEMBERS_PAGE_SIZE, useUsers } from "../../api/users";
import { ListPaging } from "../../components/ListPaging";
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
              <ListPaging list={list} size={MEMBERS_PAGE_SIZE} onPage={setPage} empty="No members found." />
            </>
          )}
        </QueryState>
      </Stack>
      <MemberDialogs dialog={dialog} onChange={setDialog} />
    </>
  );
}
