namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// 11: importing ledgers. A contact filed by an import carries its import key, unique where present (contacts typed into
    /// a form have none), so a contact is imported once however often the file is. An import run is one row: the mapping, the
    /// owner map, the rows done per sheet and the last counts as JSON, and a version for guarded saves.
    /// </summary>
    const string Step11Imports =
        """
        ALTER TABLE contacts ADD COLUMN import_key TEXT;
        CREATE UNIQUE INDEX contacts_import_key ON contacts(import_key) WHERE import_key IS NOT NULL;

        CREATE TABLE import_runs (
            id TEXT PRIMARY KEY,
            file_name TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            importer_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            mapping TEXT NOT NULL,
            owner_map TEXT NOT NULL,
            status TEXT NOT NULL,
            rows_done TEXT NOT NULL,
            counts TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            lease_until TEXT,
            version INTEGER NOT NULL
        );
        CREATE INDEX import_runs_file ON import_runs(file_hash, created_at);
        CREATE INDEX import_runs_status ON import_runs(status, created_at);
        """;
}
