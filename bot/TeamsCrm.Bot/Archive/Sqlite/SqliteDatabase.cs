using Microsoft.Data.Sqlite;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The embedded database file (Archive:Sqlite:Path). A connection per operation; WAL so readers never wait
/// for the writer, and a busy timeout so concurrent writers queue instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        using var connection = Open();
        Exec(connection, "PRAGMA journal_mode=WAL;");
        SqliteMigrations.Apply(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Exec(connection, "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        return connection;
    }

    static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
