/**
 * Settings → Audit log (admins): who did what to what, when and how it ended, newest first;
 * filters by action, actor, outcome and days; paging; export as JSON lines.
 */
import { Stack } from "@mantine/core";
import { useState } from "react";
import { AUDIT_PAGE_SIZE, NO_AUDIT_FILTERS, useAuditEvents, type AuditFilters } from "../../api/audit";
import { ListPaging } from "../../components/ListPaging";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { AuditFilterBar } from "./audit/AuditFilterBar";
import { AuditTable } from "./audit/AuditTable";
import { ExportButton } from "./audit/ExportButton";

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [page, setPage] = useState(1);
  const events = useAuditEvents(page, filters);
  const filtered = Object.values(filters).some((v) => v !== "");

  const onFilters = (next: AuditFilters) => {
    setFilters(next);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, failed login and refused request, as recorded with the change itself."
        actions={<ExportButton filters={filters} total={events.data?.total} />}
      />
      <Stack gap="md">
        <AuditFilterBar filters={filters} onChange={onFilters} />
        <QueryState query={events} what="audit events">
          {(list) => (
            <>
              <AuditTable events={list.items} filtered={filtered} />
              <ListPaging list={list} size={AUDIT_PAGE_SIZE} onPage={setPage} empty="No events." />
            </>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
