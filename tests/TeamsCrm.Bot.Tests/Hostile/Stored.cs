using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>What hostile input left in the archive: nothing, but for who talked to the bot from where.</summary>
static class Stored
{
    /// <summary>Rows in every table of the bot's SQLite file but conversations and users (kept by design for every sender).</summary>
    public static IReadOnlyDictionary<string, long> RecordsOf(TestBot bot)
    {
        var path = bot.Services.GetRequiredService<IConfiguration>()["Archive:Sqlite:Path"];
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        db.Open();
        var tables = new List<string>();
        using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('conversations', 'users', 'schema_version') AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var count = db.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            if ((long)count.ExecuteScalar()! is > 0 and var n) counts[table] = n;
        }
        return counts;
    }
}
