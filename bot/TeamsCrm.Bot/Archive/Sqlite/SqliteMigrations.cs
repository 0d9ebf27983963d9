using Microsoft.Data.Sqlite;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The schema, as numbered steps applied in order on start. A step is never edited once shipped: add one.
/// </summary>
static class SqliteMigrations
{
    static readonly string[] Steps =
    [
        """
        CREATE TABLE users (
            aad_object_id TEXT PRIMARY KEY COLLATE NOCASE,
            teams_id TEXT NOT NULL,
            name TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            personal_conversation_id TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            bot_id TEXT NOT NULL,
            team_id TEXT,
            team_name TEXT,
            channel_id TEXT,
            welcomed_at TEXT,
            blocked_at TEXT,
            removed_at TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX conversations_team ON conversations(team_id);
        """,
    ];

    public static void Apply(SqliteConnection connection)
    {
        // Immediate: two processes starting together take turns instead of both migrating.
        using var tx = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }
        using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Steps.Length; version++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = tx;
            step.CommandText = Steps[version - 1] + $"; INSERT INTO schema_version(version) VALUES ({version});";
            step.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
