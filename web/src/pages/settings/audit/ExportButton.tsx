/** Downloads every event the filters match as JSON lines, the format log shippers take. */
import { Button } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { exportAuditEvents, type AuditFilters } from "../../../api/audit";
import { messageOf } from "../../../api/errors";
import { useToast } from "../../../components/Toaster";
import { downloadText } from "../../../lib/download";

export function ExportButton({ filters, total }: { filters: AuditFilters; total: number | undefined }) {
  const notify = useToast();
  const exporting = useMutation({
    mutationFn: () => exportAuditEvents(filters, total ?? 0),
    onSuccess: (text) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
      downloadText(text, `cohort-audit-${stamp}.jsonl`, "application/x-ndjson");
    },
    onError: (err) => notify(`Could not export the audit log: ${messageOf(err)}`, "red"),
  });
  return (
    <Button variant="default" onClick={() => exporting.mutate()} loading={exporting.isPending} disabled={!total}>
      Export JSON lines
    </Button>
  );
}
