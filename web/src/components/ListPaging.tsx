/** Under a paged list: which items are shown, announced when it changes, and the page buttons. */
import { Group, Pagination, Text } from "@mantine/core";
import type { Page } from "../api/types";

interface Props {
  list: Page<unknown>;
  /** The page size the list was asked for. */
  size: number;
  onPage: (page: number) => void;
  /** Said when the list is empty ("No members found."). */
  empty: string;
}

export function ListPaging({ list, size, onPage, empty }: Props) {
  const first = (list.index - 1) * size + 1;
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {list.total === 0 ? empty : `Showing ${first}–${first + list.items.length - 1} of ${list.total}`}
      </Text>
      {list.total_pages > 1 && (
        <Pagination
          total={list.total_pages}
          value={list.index}
          onChange={onPage}
          size="sm"
          getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
          getControlProps={(control) => ({ "aria-label": `${control[0]?.toUpperCase()}${control.slice(1)} page` })}
        />
      )}
    </Group>
  );
}
