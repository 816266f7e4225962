/**
 * Every dialog with a form looks and behaves the same: a title, the fields, the server's error if
 * the last try failed, and Cancel / submit buttons. Enter submits; Escape closes; focus stays
 * inside while open and returns to the opener after.
 */
import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert";

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  pending?: boolean;
  error?: unknown;
  /** A destructive action gets a red button. */
  danger?: boolean;
  children?: ReactNode;
}

export function FormModal({ opened, onClose, title, submitLabel, onSubmit, pending = false, error, danger = false, children }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ "aria-label": "Close" }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {children}
          {error != null && <ErrorAlert error={error} title="That did not work" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} color={danger ? "red" : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
