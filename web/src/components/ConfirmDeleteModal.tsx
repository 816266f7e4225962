/**
 * Confirming the delete of a named thing (a team, a role, a workspace): what goes with it, then a
 * red button. The page owns the mutation; it is reset on every way out, so the next dialog starts
 * without the last one's error or pending state.
 */
import { Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useMutateAndClose } from "../lib/useMutateAndClose";
import { FormModal } from "./FormModal";

interface Props<T extends { name: string }> {
  /** "team": the title says "Delete team ops?", the button "Delete team", the toast "Team ops deleted.". */
  noun: string;
  item: T;
  mutation: UseMutationResult<unknown, Error, T>;
  /** What the delete takes with it, or why the server may refuse. */
  message: ReactNode;
  onClose: () => void;
}

export function ConfirmDeleteModal<T extends { name: string }>({ noun, item, mutation, message, onClose }: Props<T>) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  const Noun = `${noun[0]?.toUpperCase()}${noun.slice(1)}`;
  const submit = useMutateAndClose(mutation, close, () => `${Noun} ${item.name} deleted.`);
  return (
    <FormModal
      opened
      onClose={close}
      title={`Delete ${noun} ${item.name}?`}
      submitLabel={`Delete ${noun}`}
      danger
      onSubmit={() => submit(item)}
      pending={mutation.isPending}
      error={mutation.error}
    >
      <Text size="sm">{message}</Text>
    </FormModal>
  );
}
