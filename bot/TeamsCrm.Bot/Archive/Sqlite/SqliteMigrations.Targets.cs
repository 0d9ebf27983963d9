namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// Sales targets: a month's sheet (who set it, its version) and one row per rep, written together in one
    /// transaction. Amounts are invariant-culture text like every amount here (exact to the cent). The sales a target is
    /// measured against are read from archive_entries by its (customer_number, date) index.
    /// </summary>
    const string StepTargets =
        """
        CREATE TABLE target_sheets (
            month TEXT PRIMARY KEY,
            set_by_aad_object_id TEXT NOT NULL,
            set_at TEXT NOT NULL,
            approval_id TEXT,
            version INTEGER NOT NULL
        );

        CREATE TABLE sales_targets (
            month TEXT NOT NULL REFERENCES target_sheets(month),
            rep_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            amount TEXT NOT NULL,
            PRIMARY KEY (month, rep_aad_object_id)
        );
        """;
}
