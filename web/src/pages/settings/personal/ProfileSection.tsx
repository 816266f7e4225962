/** Name, full name and email of the logged-in user; read-only without the `me` ability. */
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { email as emailSchema, name as nameSchema, text } from "../../../../../src/core/schemas/common.js";
import { useUpdateProfile, type ProfileChange } from "../../../api/me";
import type { User } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Section } from "../../../components/Section";
import { useToast } from "../../../components/Toaster";
import { fieldError } from "../../../lib/validation";

interface Props {
  user: User;
  canEdit: boolean;
  canRename: boolean;
}

export function ProfileSection({ user, canEdit, canRename }: Props) {
  const update = useUpdateProfile();
  const notify = useToast();
  const [name, setName] = useState(user.name);
  const [fullName, setFullName] = useState(user.full_name);
  const [email, setEmail] = useState(user.email ?? "");
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    name: fieldError(nameSchema, name, "Username"),
    fullName: fieldError(text, fullName, "Full name"),
    email: email === "" ? null : fieldError(emailSchema, email.trim(), "Email"),
  };
  const change: ProfileChange = {
    ...(name.trim() !== user.name ? { name: name.trim() } : {}),
    ...(fullName.trim() !== user.full_name ? { full_name: fullName.trim() } : {}),
    ...(email.trim() !== (user.email ?? "") && email.trim() !== "" ? { email: email.trim() } : {}),
  };
  const changed = Object.keys(change).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean) || !changed) return;
    update.mutate(change, { onSuccess: () => notify("Profile saved.") });
  };

  return (
    <Section title="Profile" description={canEdit ? undefined : "Your roles do not let you change your profile."}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Username"
            description={canEdit && !canRename ? "This account's username cannot be changed." : undefined}
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            readOnly={!canRename}
            error={submitted && errors.name}
          />
          <TextInput
            label="Full name"
            autoComplete="name"
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            readOnly={!canEdit}
            error={submitted && errors.fullName}
          />
          <TextInput
            label="Email"
            description={canEdit && user.email ? "It can be changed, not removed." : undefined}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            readOnly={!canEdit}
            error={submitted && errors.email}
          />
          {update.error && <ErrorAlert error={update.error} title="Could not save your profile" />}
          {canEdit && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {changed ? "You have unsaved changes." : ""}
              </Text>
              <Button type="submit" loading={update.isPending} disabled={!changed}>
                Save profile
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}
