CREATE INDEX "document_versions_author" ON "document_versions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "jobs_document" ON "jobs" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "jobs_created_by" ON "jobs" USING btree ("created_by");