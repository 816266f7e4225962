/** True below Mantine's `sm` breakpoint, where the layout switches to its phone form. */
import { useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";

export function usePhone(): boolean {
  const { breakpoints } = useMantineTheme();
  // Read synchronously: a first render in the desktop form would flash on phones.
  return useMediaQuery(`(max-width: calc(${breakpoints.sm} - 1px))`, undefined, { getInitialValueInEffect: false }) ?? false;
}
