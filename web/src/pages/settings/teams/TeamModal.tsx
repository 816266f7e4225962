/**
 * Creating a team with its first members, or renaming one and changing who is in it. Fields the
 * abilities do not allow are read-only; a rename alone keeps the members (the PUT leaves `users`
 * out).
 */
import { MultiSelect } from "@mantine/core";
import { useState } from "react";
import { name as nameSchema } from "../../../../../src/core/schemas/common.js";
import { useSaveTeam, type TeamSave } from "../../../api/teams";
import type { Team } from "../../../api/types";
import { useActiveUsers } from "../../../api/users";
import { FormModal } from "../../../components/FormModal";
import { fieldError } from "../../../lib/validation";
import { useMutateAndClose } from "../../../lib/useMutateAndClose";
import { NameField } from "../../../components/NameField";

interface Props {
  team?: Team;
  canRename: boolean;
  canEditMembers: boolean;
  onClose: () => void;
}

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

export function TeamModal({ team, canRename, canEditMembers, onClose }: Props) {
  const users = useActiveUsers();
  const save = useSaveTeam();
  const saveAndClose = useMutateAndClose(save, onClose, (saved) => `Team ${saved.name} saved.`);
  const current = team?.users.map((u) => u.id) ?? [];
  const [name, setName] = useState(team?.name ?? "");
  const [members, setMembers] = useState<string[]>(current);
  const [submitted, setSubmitted] = useState(false);
  const error = fieldError(nameSchema, name, "Name");
  // Members who are not active (pending, deactivated) are not in the picker's list but stay listed.
  const options = new Map([...(users.data?.items ?? []), ...(team?.users ?? [])].map((u) => [u.id, u]));

  const submit = () => {
    setSubmitted(true);
    if (error) return;
    const change: TeamSave = { id: team?.id };
    if (!team || (canRename && name.trim() !== team.name)) change.name = name.trim();
    if (!team || (canEditMembers && !sameMembers(members, current))) change.users = members;
    saveAndClose(change);
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={team ? `Edit team ${team.name}` : "Create a team"}
      submitLabel={team ? "Save team" : "Create team"}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error ?? users.error}
    >
      <NameField value={name} onChange={setName} readOnly={!canRename} error={submitted && error} />
      <MultiSelect
        label="Members"
        description={canEditMembers ? "Members get every role given to the team." : "You cannot change this team's members."}
        placeholder={members.length === 0 ? "Pick users" : undefined}
        data={[...options.values()].map((u) => ({ value: u.id, label: u.full_name ? `${u.full_name} (@${u.name})` : u.name }))}
        value={members}
        onChange={setMembers}
        disabled={!canEditMembers}
        searchable
        nothingFoundMessage={users.isPending ? "Loading users…" : "No such user"}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
