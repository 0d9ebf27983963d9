using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// The documents contract on a SQLite file and a documents folder of each test's own; plus what only SQLite shows: where
/// the folder is, and that the inbox and the cleanup read the partial indexes of what waits.
/// </summary>
public sealed class SqliteDocumentStoreContract : DocumentStoreContract
{
    const string Spool = ".incoming";
    readonly TempSqliteArchive _file = new();

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock) => _file.CreateAsync(clock);

    protected override Task DeleteArchiveAsync() => _file.DeleteAsync();

    protected override IReadOnlyList<string> StoredFiles() => Below(_file.DocumentsPath, System.IO.Directory.EnumerateFiles);

    protected override IReadOnlyList<string> StoredFolders() => Below(_file.DocumentsPath, System.IO.Directory.EnumerateDirectories);

    protected override IReadOnlyList<string> Leftovers() =>
        System.IO.Directory.Exists(Path.Combine(_file.DocumentsPath, Spool)) ? [.. System.IO.Directory.EnumerateFiles(Path.Combine(_file.DocumentsPath, Spool))] : [];

    static List<string> Below(string root, Func<string, string, SearchOption, IEnumerable<string>> list) => !System.IO.Directory.Exists(root) ? [] :
        [.. list(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => p != Spool && !p.StartsWith(Spool + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_documents_folder_is_beside_the_database_unless_configured_elsewhere()
    {
        var folder = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N"));
        var elsewhere = folder + "-elsewhere";
        try
        {
            foreach (var (database, configured, expected) in new[] { ("a.db", (string?)null, Path.Combine(folder, "documents")), ("b.db", elsewhere, elsewhere) })
            {
                var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Archive:Sqlite:Path"] = Path.Combine(folder, database), ["Archive:Documents:Path"] = configured,
                }).Build();
                await using var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddSingleton<TimeProvider>(Clock).AddLogging()
                    .AddArchive().BuildServiceProvider();

                var received = await services.GetRequiredService<ICrmArchive>().Documents.ReceiveAsync(Arrived("a.pdf"), new SourceStream(10), Limit);

                Assert.True(File.Exists(Path.Combine(expected, "Inbox", LiNa, "a.pdf")), expected);
                Assert.Equal(10, received.Size);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var dir in new[] { folder, elsewhere }) if (System.IO.Directory.Exists(dir)) System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("SELECT * FROM documents WHERE uploaded_by_aad_object_id = 'x' AND customer_number IS NULL ORDER BY uploaded_at, seq", "documents_inbox")]
    [InlineData("SELECT * FROM documents WHERE uploaded_at < '2026-03-02' AND customer_number IS NULL ORDER BY uploaded_at, seq", "documents_unfiled")]
    [InlineData("SELECT * FROM documents WHERE customer_number = 'C-1' ORDER BY filed_at DESC, seq DESC", "documents_customer")]
    public async Task Each_query_reads_its_index(string query, string index)
    {
        await Archive.Documents.InboxAsync(LiNa);   // the schema is in place
        await using var c = new SqliteDatabase(_file.FilePath).Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + query;
        await using var r = await cmd.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await r.ReadAsync()) plan.Add(r.GetString(3));
        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal) && !step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
