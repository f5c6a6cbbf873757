-- peakpath: rows unchanged
-- Jobs on published documents (docs/jobs.md): anyone signed in who may read a document may compute on it,
-- and a user with no role on the entity reads only its published version, so may start a job there; such
-- a user sees only the jobs they started. The store applies the same rule (src/results.ts); 0001's single
-- policy asked for a role on the entity, which refused the insert (a 500 on PostgreSQL).
-- Updates and deletes are the store's own bookkeeping (progress, status), done as the system.
CREATE FUNCTION peakpath_document_published(doc uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM documents WHERE id = doc AND published_version IS NOT NULL)
$$;
--> statement-breakpoint
DROP POLICY jobs_all ON jobs;
--> statement-breakpoint
CREATE POLICY jobs_read ON jobs FOR SELECT USING (peakpath_reads_entity(peakpath_document_entity(document_id)) OR (created_by = peakpath_user() AND peakpath_document_published(document_id)));
--> statement-breakpoint
CREATE POLICY jobs_insert ON jobs FOR INSERT WITH CHECK (created_by = peakpath_user() AND (peakpath_reads_entity(peakpath_document_entity(document_id)) OR peakpath_published(document_id, version)));
--> statement-breakpoint
CREATE POLICY jobs_update ON jobs FOR UPDATE USING (peakpath_admin());
--> statement-breakpoint
CREATE POLICY jobs_delete ON jobs FOR DELETE USING (peakpath_admin());
