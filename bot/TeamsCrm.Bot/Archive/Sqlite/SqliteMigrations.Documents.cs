namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// 9: documents. The bytes are files under the documents folder (<see cref="SqliteDocumentStore"/>); a row holds the
    /// metadata and the file's path below that folder, unique without case as SharePoint's names are. customer_number is
    /// NULL while a document waits in its uploader's inbox; the partial indexes hold only what waits, so the inbox and
    /// the cleanup read that and never the filed documents. No foreign key to customers: a deleted customer's documents
    /// stay through the retention, and the purge removes both.
    /// </summary>
    const string Step9Documents =
        """
        CREATE TABLE documents (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            customer_number TEXT,
            category TEXT,
            entry_id TEXT,
            visit_id TEXT,
            title TEXT NOT NULL,
            original_name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            uploaded_by_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            uploaded_at TEXT NOT NULL,
            filed_at TEXT,
            path TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE INDEX documents_customer ON documents(customer_number, filed_at) WHERE customer_number IS NOT NULL;
        CREATE INDEX documents_inbox ON documents(uploaded_by_aad_object_id, uploaded_at) WHERE customer_number IS NULL;
        CREATE INDEX documents_unfiled ON documents(uploaded_at) WHERE customer_number IS NULL;
        """;
}
