namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// 10: corrected and withdrawn visit reports. The visit row holds the report as it is now (revision counts its
    /// corrections, withdrawn_at leaves it out of every list); visit_corrections is its history, one row per correction
    /// card submitted (the submission id is the key), with the changed fields' before and after as JSON. Unique per
    /// visit and revision: two corrections made on the same revision cannot both be stored.
    /// </summary>
    const string Step10VisitCorrections =
        """
        ALTER TABLE visits ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE visits ADD COLUMN withdrawn_at TEXT;
        CREATE TABLE visit_corrections (
            submission_id TEXT PRIMARY KEY,
            visit_id TEXT NOT NULL REFERENCES visits(id),
            revision INTEGER NOT NULL,
            kind TEXT NOT NULL,
            by_aad_object_id TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            changes TEXT NOT NULL
        );
        CREATE UNIQUE INDEX visit_corrections_visit ON visit_corrections(visit_id, revision);
        """;
}
