/** A component's configuration as key / value rows; values are sent as the strings typed. */
import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";

export interface Setting {
  key: string;
  value: string;
}

interface Props {
  settings: Setting[];
  onChange: (settings: Setting[]) => void;
  /** Keys the flavor's schema names, offered as placeholders. */
  suggested: readonly string[];
  error?: string | null;
}

export function ConfigurationFields({ settings, onChange, suggested, error }: Props) {
  const update = (i: number, patch: Partial<Setting>) => onChange(settings.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="xs" role="group" aria-label="Configuration">
      <Text size="sm" fw={500}>
        Configuration
      </Text>
      {settings.length === 0 && (
        <Text size="sm" c="dimmed">
          No settings{suggested.length > 0 ? `; this flavor knows ${suggested.join(", ")}` : ""}.
        </Text>
      )}
      {settings.map((s, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`Setting ${i + 1} key`}
            placeholder={suggested[i] ?? "key"}
            value={s.key}
            onChange={(e) => update(i, { key: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`Setting ${i + 1} value`}
            placeholder="value"
            value={s.value}
            onChange={(e) => update(i, { value: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove setting ${i + 1}`}
            onClick={() => onChange(settings.filter((_, j) => j !== i))}
          >
            <span aria-hidden>×</span>
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
      <Button variant="light" size="xs" w="fit-content" onClick={() => onChange([...settings, { key: "", value: "" }])}>
        Add setting
      </Button>
    </Stack>
  );
}

/** The configuration object, or a problem with the rows (an empty or repeated key). */
export function configurationOf(settings: readonly Setting[]): { value: Record<string, string>; error: string | null } {
  const value: Record<string, string> = {};
  for (const { key, value: v } of settings) {
    const k = key.trim();
    if (!k) return { value, error: "Every setting needs a key." };
    if (k in value) return { value, error: `The key ${k} is given twice.` };
    value[k] = v;
  }
  return { value, error: null };
}
