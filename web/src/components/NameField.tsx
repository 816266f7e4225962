/**
 * The Name field every create and edit dialog opens with: required, focused when the dialog opens,
 * and showing its error only once the user has tried to submit (the dialog decides when).
 */
import { TextInput, type TextInputProps } from "@mantine/core";

interface Props extends Pick<TextInputProps, "readOnly" | "description"> {
  value: string;
  onChange: (value: string) => void;
  error: string | false | null | undefined;
}

export function NameField({ value, onChange, error, ...rest }: Props) {
  return (
    <TextInput
      label="Name"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-autofocus
      {...rest}
    />
  );
}
