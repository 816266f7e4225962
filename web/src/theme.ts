/**
 * The one look of the dashboard. Colours are tuned for WCAG AA contrast (axe checks every page):
 * filled buttons use shade 8 under white text, the text of light badges and buttons is a darkened
 * shade 9, and "dimmed" text is a darker grey than Mantine's default.
 */
import { createTheme, darken, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "700" },
  cursorType: "pointer",
  respectReducedMotion: true,
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    // Shade 9 on shade 1 is below 4.5:1 for green, orange and teal; a fifth darker passes for all.
    ...Object.fromEntries(
      Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.2)]),
    ),
  },
  dark: {},
});
