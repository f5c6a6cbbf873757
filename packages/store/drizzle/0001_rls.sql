-- Row-level security: the second line behind the store's own checks (src/access.ts holds the rules;
-- these functions state the same rules in SQL). The store sets peakpath.user_id (or peakpath.system for
-- its own bookkeeping: cached results, job progress) with set_config(..., true) at the start of every
-- transaction. The functions are SECURITY DEFINER so that the policies can read grants and memberships
-- whatever the caller may read. Superusers, BYPASSRLS roles and the tables' owner skip all of this,
-- which is why the store refuses to run as any of them on PostgreSQL.
CREATE FUNCTION peakpath_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('peakpath.user_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION peakpath_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('peakpath.system', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE FUNCTION peakpath_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT peakpath_system() OR EXISTS (SELECT 1 FROM users u WHERE u.id = peakpath_user() AND u.admin AND NOT u.disabled)
$$;
--> statement-breakpoint
-- Read: admin; an editor or viewer of the entity, of its parent city, or of a cluster it is a member of;
-- a coordinator of a network the entity or its parent belongs to.
CREATE FUNCTION peakpath_reads_entity(target uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT peakpath_admin()
    OR EXISTS (
      SELECT 1 FROM grants g JOIN entities e ON e.id = target
      WHERE g.user_id = peakpath_user() AND g.role IN ('editor', 'viewer')
        AND (g.entity_id = e.id OR g.entity_id = e.parent_id
             OR g.entity_id IN (SELECT cm.cluster_id FROM cluster_members cm WHERE cm.member_id = e.id)))
    OR EXISTS (
      SELECT 1 FROM grants g JOIN network_members nm ON nm.network_id = g.network_id JOIN entities e ON e.id = target
      WHERE g.user_id = peakpath_user() AND g.role = 'coordinator' AND (nm.entity_id = e.id OR nm.entity_id = e.parent_id))
$$;
--> statement-breakpoint
-- Write: admin; an editor of the entity or of its parent city (never of a cluster it belongs to).
CREATE FUNCTION peakpath_writes_entity(target uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT peakpath_admin()
    OR EXISTS (
      SELECT 1 FROM grants g JOIN entities e ON e.id = target
      WHERE g.user_id = peakpath_user() AND g.role = 'editor' AND (g.entity_id = e.id OR g.entity_id = e.parent_id))
$$;
--> statement-breakpoint
-- Comment: those who write, and network coordinators.
CREATE FUNCTION peakpath_comments_entity(target uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT peakpath_writes_entity(target)
    OR EXISTS (
      SELECT 1 FROM grants g JOIN network_members nm ON nm.network_id = g.network_id JOIN entities e ON e.id = target
      WHERE g.user_id = peakpath_user() AND g.role = 'coordinator' AND (nm.entity_id = e.id OR nm.entity_id = e.parent_id))
$$;
--> statement-breakpoint
CREATE FUNCTION peakpath_document_entity(doc uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT entity_id FROM documents WHERE id = doc
$$;
--> statement-breakpoint
-- The public sees a document's published version, and the entities that have one.
CREATE FUNCTION peakpath_published(doc uuid, v integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM documents WHERE id = doc AND published_version = v)
$$;
--> statement-breakpoint
CREATE FUNCTION peakpath_entity_public(target uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM documents WHERE entity_id = target AND published_version IS NOT NULL)
$$;
--> statement-breakpoint
ALTER TABLE entities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY entities_read ON entities FOR SELECT USING (peakpath_reads_entity(id) OR peakpath_entity_public(id));
--> statement-breakpoint
CREATE POLICY entities_insert ON entities FOR INSERT WITH CHECK (peakpath_admin());
--> statement-breakpoint
CREATE POLICY entities_update ON entities FOR UPDATE USING (peakpath_admin());
--> statement-breakpoint
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY documents_read ON documents FOR SELECT USING (peakpath_reads_entity(entity_id) OR published_version IS NOT NULL);
--> statement-breakpoint
CREATE POLICY documents_insert ON documents FOR INSERT WITH CHECK (peakpath_writes_entity(entity_id));
--> statement-breakpoint
CREATE POLICY documents_update ON documents FOR UPDATE USING (peakpath_writes_entity(entity_id));
--> statement-breakpoint
ALTER TABLE document_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY versions_read ON document_versions FOR SELECT USING (peakpath_reads_entity(peakpath_document_entity(document_id)) OR peakpath_published(document_id, version));
--> statement-breakpoint
CREATE POLICY versions_insert ON document_versions FOR INSERT WITH CHECK (peakpath_writes_entity(peakpath_document_entity(document_id)));
--> statement-breakpoint
ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY comments_read ON comments FOR SELECT USING (peakpath_reads_entity(peakpath_document_entity(document_id)));
--> statement-breakpoint
CREATE POLICY comments_insert ON comments FOR INSERT WITH CHECK (peakpath_comments_entity(peakpath_document_entity(document_id)));
--> statement-breakpoint
ALTER TABLE result_cache ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY result_cache_all ON result_cache FOR ALL USING (peakpath_reads_entity(peakpath_document_entity(document_id)) OR peakpath_published(document_id, version));
--> statement-breakpoint
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY jobs_all ON jobs FOR ALL USING (peakpath_reads_entity(peakpath_document_entity(document_id)));
--> statement-breakpoint
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
