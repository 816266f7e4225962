/**
 * One QueryClient for the app. A request that finds the session gone (logged out elsewhere,
 * expired, revoked, the user deactivated) clears who is logged in, which sends the browser to
 * the login page with a note saying why.
 */
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/errors";
import { keys } from "./api/keys";
import { noteSessionEnded } from "./api/session";

export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.sessionEnded && client.getQueryData(keys.currentUser)) {
      noteSessionEnded();
      client.setQueryData(keys.currentUser, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // 4xx answers will not change by asking again; a flaky network might.
      queries: { retry: (count, err) => !(err instanceof ApiError) && count < 2, refetchOnWindowFocus: false },
    },
  });
  return client;
}
