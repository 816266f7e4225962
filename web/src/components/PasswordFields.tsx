/**
 * A new password typed twice, with a strength hint under the first field. Used by sign-up and by
 * the password change, so both say the same things the same way; the form asks
 * `usePasswordStrength` (lib/password-strength.ts) and passes the answer in.
 */
import { Progress, Stack } from "@mantine/core";
import type { Strength, StrengthLevel } from "../lib/password-strength";
import { PasswordInput } from "./PasswordInput";

const COLORS: Record<StrengthLevel, string> = { empty: "gray", checking: "gray", weak: "red", fair: "orange", strong: "green" };

interface Props {
  password: string;
  strength: Strength;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  /** Shown once the form was submitted: an empty password, a mismatched confirmation. */
  passwordError?: string | null;
  confirmError?: string | null;
  label?: string;
}

export function PasswordFields({
  password,
  strength,
  confirm,
  onPassword,
  onConfirm,
  passwordError,
  confirmError,
  label = "Password",
}: Props) {
  return (
    <Stack gap="md">
      <PasswordInput
        label={label}
        required
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={passwordError}
        // The hint is the input's description, so screen readers read it with the field.
        description={
          <>
            {strength.label && <strong>{strength.label}. </strong>}
            {strength.hint}
          </>
        }
        inputWrapperOrder={["label", "input", "description", "error"]}
        inputContainer={(input) => (
          <Stack gap={6} mb={4}>
            {input}
            <Progress value={strength.score} color={COLORS[strength.level]} size="sm" aria-hidden />
          </Stack>
        )}
      />
      <PasswordInput
        label={`Repeat ${label.toLowerCase()}`}
        required
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={confirmError}
      />
    </Stack>
  );
}

/** What is wrong with a new password pair before the server sees it, field by field. */
export function newPasswordErrors(password: string, confirm: string, strength: Strength) {
  return {
    password: password === "" ? "Choose a password." : strength.problem,
    confirm: password === confirm ? null : "The two passwords are not the same.",
  };
}
