/**
 * Inviting a member: a username and the roles they get (the server's default role preselected).
 * The result is a sign-up link, shown next with a copy button.
 */
import { MultiSelect, TextInput } from "@mantine/core";
import { useState } from "react";
import { DEFAULT_ROLE_NAME } from "../../../../../src/core/permissions.js";
import { name as nameSchema } from "../../../../../src/core/schemas/common.js";
import { useRoles } from "../../../api/roles";
import { useInviteUser, type Invitation } from "../../../api/users";
import { FormModal } from "../../../components/FormModal";
import { fieldError } from "../../../lib/validation";

interface Props {
  onClose: () => void;
  onInvited: (invitation: Invitation) => void;
}

export function InviteModal({ onClose, onInvited }: Props) {
  const roles = useRoles();
  const invite = useInviteUser();
  const [name, setName] = useState("");
  const [picked, setPicked] = useState<string[] | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const all = roles.data?.items ?? [];
  // Until the admin picks, the default role is chosen, as the CLI's `user create` does.
  const chosen = picked ?? all.filter((r) => r.name === DEFAULT_ROLE_NAME).map((r) => r.id);
  const nameError = fieldError(nameSchema, name, "Username");

  const submit = () => {
    setSubmitted(true);
    if (nameError) return;
    invite.mutate({ name: name.trim(), roles: all.filter((r) => chosen.includes(r.id)) }, { onSuccess: onInvited });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title="Invite a member"
      submitLabel="Create invitation link"
      onSubmit={submit}
      pending={invite.isPending}
      error={invite.error ?? roles.error}
    >
      <TextInput
        label="Username"
        description="They can change it when they sign up."
        required
        autoCapitalize="none"
        spellCheck={false}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={submitted && nameError}
        data-autofocus
      />
      <MultiSelect
        label="Roles"
        description="Given everywhere, from the moment they sign up."
        placeholder={chosen.length === 0 ? "No roles: they will see nothing" : undefined}
        data={all.map((r) => ({ value: r.id, label: `${r.name} (${r.permissions.join(", ") || "no permissions"})` }))}
        value={chosen}
        onChange={setPicked}
        disabled={roles.isPending}
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
