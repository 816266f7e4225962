/**
 * Short confirmations after an action ("Role saved"). Announced politely to screen readers and
 * dismissed after a few seconds or by the close button.
 */
import { Notification, Stack } from "@mantine/core";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

interface Toast {
  id: number;
  message: string;
  color: "green" | "red";
}

type Notify = (message: string, color?: Toast["color"]) => void;

const ToastContext = createContext<Notify>(() => {});

const DISMISS_AFTER_MS = 5000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, color = "green") => {
      const id = ++next.current;
      setToasts((all) => [...all, { id, message, color }]);
      setTimeout(() => dismiss(id), DISMISS_AFTER_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Stack
        role="status"
        aria-live="polite"
        gap="xs"
        pos="fixed"
        bottom={16}
        right={16}
        left={16}
        maw={420}
        ml="auto"
        style={{ zIndex: 1000, pointerEvents: "none" }}
      >
        {toasts.map((toast) => (
          <Notification
            key={toast.id}
            color={toast.color}
            withBorder
            closeButtonProps={{ "aria-label": "Dismiss" }}
            onClose={() => dismiss(toast.id)}
            style={{ pointerEvents: "auto" }}
          >
            {toast.message}
          </Notification>
        ))}
      </Stack>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  return useContext(ToastContext);
}
