/** Changing one's password: the current one, then the new one twice. Other sessions end. */
import { Button, Group, Stack } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useChangePassword } from "../../../api/me";
import { useCurrentUser } from "../../../api/session";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PasswordInput } from "../../../components/PasswordInput";
import { newPasswordErrors, PasswordFields } from "../../../components/PasswordFields";
import { Section } from "../../../components/Section";
import { useToast } from "../../../components/Toaster";
import { usePasswordStrength } from "../../../lib/password-strength";

export function PasswordSection() {
  const me = useCurrentUser();
  const change = useChangePassword();
  const notify = useToast();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const strength = usePasswordStrength(password, me.data ?? {});
  const errors = { current: current === "" ? "Enter your current password." : null, ...newPasswordErrors(password, confirm, strength) };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    change.mutate(
      { old_password: current, password },
      {
        onSuccess: () => {
          for (const reset of [setCurrent, setPassword, setConfirm]) reset("");
          setSubmitted(false);
          notify("Password changed. Your other sessions were logged out.");
        },
      },
    );
  };

  return (
    <Section title="Password" description="Changing it logs you out everywhere else.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={submitted && errors.current}
          />
          <PasswordFields
            label="New password"
            password={password}
            strength={strength}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            passwordError={submitted ? errors.password : null}
            confirmError={submitted ? errors.confirm : null}
          />
          {change.error && <ErrorAlert error={change.error} title="Could not change your password" />}
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
