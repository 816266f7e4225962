/**
 * Loading and error states for anything fetched, the same everywhere: a labelled spinner while
 * loading, the server's message with a retry on failure, the content once there.
 */
import { Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert";

interface Props<T> {
  query: UseQueryResult<T>;
  /** What is loading, for screen readers ("members", "roles"). */
  what: string;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, what, children }: Props<T>) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorAlert error={query.error} title={`Could not load ${what}`} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function Loading({ what }: { what: string }) {
  return (
    <Center py="xl" role="status" aria-label={`Loading ${what}`}>
      <Loader size="md" />
    </Center>
  );
}
