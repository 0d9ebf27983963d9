using Microsoft.Data.Sqlite;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The embedded database file (Archive:Sqlite:Path). A connection per operation; WAL so readers never wait
/// for the writer, and a busy timeout so concurrent writers queue instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;

    /// <summary>The database file, in full: the documents folder sits beside it unless configured elsewhere.</summary>
    public string FilePath { get; }

    public SqliteDatabase(string path)
    {
        var full = FilePath = Path.GetFullPath(path);
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

    /// <summary>
    /// A write transaction (BEGIN IMMEDIATE) on a connection of its own, started in turn with this process's
    /// other writers. SQLite lets one writer in at a time, and one that finds the lock taken sleeps in SQLite's
    /// busy handler in growing steps (1, 2, 5 … 100 ms), which under load puts tens of milliseconds on the tail.
    /// Queuing here first lets each writer start the moment the previous one commits; the busy timeout still
    /// covers writers in other processes.
    /// </summary>
    public async Task<SqliteWrite> BeginWriteAsync(CancellationToken ct)
    {
        await _writers.WaitAsync(ct);
        SqliteConnection? connection = null;
        try
        {
            connection = Open();
            return new SqliteWrite(connection, connection.BeginTransaction(deferred: false), _writers);
        }
        catch
        {
            connection?.Dispose();
            _writers.Release();
            throw;
        }
    }

    readonly SemaphoreSlim _writers = new(1, 1);

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

/// <summary>An open write transaction; disposing it rolls back what was not committed and lets the next writer in.</summary>
public sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim writers) : IAsyncDisposable
{
    public SqliteConnection Connection => connection;

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            writers.Release();
        }
    }
}
