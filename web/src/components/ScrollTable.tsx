/**
 * A table that scrolls sideways inside its own region on narrow screens instead of widening the
 * page. The region is focusable so keyboard users can scroll it too.
 */
import { Box, Table, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";

interface Props {
  /** Names the table for screen readers. */
  label: string;
  minWidth?: number;
  head: ReactNode;
  children: ReactNode;
}

export function ScrollTable({ label, minWidth = 640, head, children }: Props) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} pos="relative" style={{ overflowX: "auto" }}>
      <Table miw={minWidth} verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>{head}</Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Box>
  );
}

/** The header of a row-actions column: empty to the eye, named for screen readers. */
export function ActionsHeader() {
  return (
    <Table.Th w={1}>
      <VisuallyHidden>Actions</VisuallyHidden>
    </Table.Th>
  );
}
