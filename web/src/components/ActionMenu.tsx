/**
 * A row's "⋯" menu, listing only the actions given (the page leaves out what the abilities do not
 * allow); with none, nothing is shown. Destructive ones come last, in red, after a divider.
 */
import { ActionIcon, Menu } from "@mantine/core";

export interface Action {
  label: string;
  onClick: () => void;
  danger?: boolean;
}

interface Props {
  /** What the row is, for the button's accessible name ("team platform"). */
  what: string;
  /** Actions, `false` or undefined for ones not allowed. */
  actions: readonly (Action | false | undefined)[];
  loading?: boolean;
}

export function ActionMenu({ what, actions, loading = false }: Props) {
  const allowed = actions.filter((a): a is Action => Boolean(a));
  if (allowed.length === 0) return null;
  const plain = allowed.filter((a) => !a.danger);
  const danger = allowed.filter((a) => a.danger);
  return (
    <Menu position="bottom-end" width={200} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Actions for ${what}`} loading={loading}>
          <span aria-hidden style={{ fontSize: 20, lineHeight: 1 }}>
            ⋯
          </span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {plain.map((a) => (
          <Menu.Item key={a.label} onClick={a.onClick}>
            {a.label}
          </Menu.Item>
        ))}
        {plain.length > 0 && danger.length > 0 && <Menu.Divider />}
        {danger.map((a) => (
          <Menu.Item key={a.label} color="red.9" onClick={a.onClick}>
            {a.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
