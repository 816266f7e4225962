/**
 * A dialog's submit: run its mutation and, once the server has said yes, toast what happened and
 * close. On failure the dialog stays open and shows the mutation's error, so the user can retry.
 */
import type { UseMutationResult } from "@tanstack/react-query";
import { useToast } from "../components/Toaster";

export function useMutateAndClose<TData, TVariables>(
  mutation: UseMutationResult<TData, Error, TVariables>,
  onClose: () => void,
  /** The toast, from what the server returned ("Team ops saved."). */
  done: (result: TData) => string,
): (variables: TVariables) => void {
  const notify = useToast();
  return (variables) =>
    mutation.mutate(variables, {
      onSuccess: (result) => {
        notify(done(result));
        onClose();
      },
    });
}
