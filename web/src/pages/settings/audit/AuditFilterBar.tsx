/**
 * The audit log's filters: action and actor (parts of their names), outcome, and a range of days.
 * Typed text is applied after a pause, so each keystroke does not fetch a page.
 */
import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { AUDIT_OUTCOMES, NO_AUDIT_FILTERS, type AuditFilters } from "../../../api/audit";

interface Props {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

const OUTCOME_OPTIONS = [
  { value: "", label: "Any outcome" },
  ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: o[0]?.toUpperCase() + o.slice(1) })),
];

export function AuditFilterBar({ filters, onChange }: Props) {
  // The text fields show what is typed at once; the filters follow after the pause.
  const [text, setText] = useState({ action: filters.action, actor: filters.actor });
  const applyText = useDebouncedCallback((next: typeof text) => onChange({ ...filters, ...next }), 300);
  const type = (field: keyof typeof text) => (value: string) => {
    const next = { ...text, [field]: value };
    setText(next);
    applyText(next);
  };
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...text, ...patch });
  const filtered = Object.values({ ...filters, ...text }).some((v) => v !== "");

  const clear = () => {
    applyText.cancel();
    setText({ action: "", actor: "" });
    onChange(NO_AUDIT_FILTERS);
  };

  return (
    <form role="search" aria-label="Filter audit events" onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <TextInput
          label="Action"
          placeholder="e.g. user.invite"
          value={text.action}
          onChange={(e) => type("action")(e.currentTarget.value)}
        />
        <TextInput label="Actor" placeholder="Username" value={text.actor} onChange={(e) => type("actor")(e.currentTarget.value)} />
        <NativeSelect
          label="Outcome"
          data={OUTCOME_OPTIONS}
          value={filters.outcome}
          onChange={(e) => set({ outcome: e.currentTarget.value as AuditFilters["outcome"] })}
        />
        <TextInput
          label="From"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput
          label="To"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
      </SimpleGrid>
      {filtered && (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={clear}>
            Clear filters
          </Button>
        </Group>
      )}
    </form>
  );
}
