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
  /** The column headings, left to right. */
  columns: readonly string[];
  /** A last column for each row's actions: no heading to the eye, "Actions" to screen readers. */
  actions?: boolean;
  children: ReactNode;
}

export function ScrollTable({ label, minWidth = 640, columns, actions = false, children }: Props) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} pos="relative" style={{ overflowX: "auto" }}>
      <Table miw={minWidth} verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            {actions && (
              <Table.Th w={1}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Box>
  );
}
