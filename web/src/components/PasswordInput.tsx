/**
 * Mantine's password input with a show/hide button keyboard users can reach: Mantine takes the
 * button out of the tab order by default. The button is a toggle (`aria-pressed`), so its name
 * stays the same while its state changes, and it names its field, so "Show password" and "Show
 * repeat password" can be told apart.
 */
import { PasswordInput as MantinePasswordInput, type PasswordInputProps } from "@mantine/core";

export function PasswordInput({ label, ...props }: PasswordInputProps & { label: string }) {
  return (
    <MantinePasswordInput
      label={label}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ "aria-label": `Show ${label.toLowerCase()}` }}
      {...props}
    />
  );
}
