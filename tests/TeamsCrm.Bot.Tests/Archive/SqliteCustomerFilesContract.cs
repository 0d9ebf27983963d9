using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.Sqlite;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>The contract on a SQLite file of each test's own, plus what only SQLite can show: its tables.</summary>
public sealed class SqliteCustomerFilesContract : CustomerFilesContract
{
    readonly string _path = Path.Combine(Path.GetTempPath(), "teamscrm-tests", Guid.NewGuid().ToString("N") + ".db");
    SqliteDatabase? _db;

    protected override Task<ICrmArchive> CreateArchiveAsync(FakeTimeProvider clock)
    {
        _db = new SqliteDatabase(_path);
        return Task.FromResult<ICrmArchive>(new SqliteArchive(_db, clock));
    }

    protected override Task DeleteArchiveAsync()
    {
        if (_db is not null)
            using (var c = _db.Open()) SqliteConnection.ClearPool(c);   // pooled connections keep the file open
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The contract test sees through the interface only; here the failure is shown to come from the
    /// contacts table, after the customer row and the counter were written, and every table is empty after it.
    /// </summary>
    [Fact]
    public async Task A_create_that_fails_at_its_second_contact_leaves_every_table_empty()
    {
        var broken = Draft("Half Way Ltd", contacts: [new("Good Contact", null, null, null, ContactRole.Primary), new(null!, null, null, null, ContactRole.User)]);

        var error = await Assert.ThrowsAsync<SqliteException>(() => Files.CreateAsync(broken, "submission-half-way"));

        Assert.Contains("contacts.name", error.Message, StringComparison.Ordinal);
        foreach (var table in new[] { "customers", "contacts", "customer_submissions", "number_counters" })
            Assert.Equal(0L, await CountAsync(table));
    }

    [Fact]
    public async Task Nothing_can_be_filed_under_a_customer_that_does_not_exist()
    {
        var now = Clock.GetUtcNow();
        await Assert.ThrowsAsync<SqliteException>(() => Files.AddContactAsync("C-2026-00099", new("Nobody", null, null, null, ContactRole.User)));
        await Assert.ThrowsAsync<SqliteException>(() => Files.AddEntryAsync(
            new ArchiveEntry("e-1", "C-2026-00099", ArchiveCategory.Basic, EntryType.Document, new DateOnly(2026, 3, 2), null, null, null, null, LiNa, now)));
        await Assert.ThrowsAsync<SqliteException>(() => Files.AddGrantAsync(new AccessGrant("C-2026-00099", Tom, LiNa, now, now.AddDays(1))));
        await Assert.ThrowsAsync<SqliteException>(() => Files.LogAccessAsync(new AccessLogEntry("C-2026-00099", Tom, now, "file card", false)));

        foreach (var table in new[] { "contacts", "archive_entries", "access_grants", "access_log" })
            Assert.Equal(0L, await CountAsync(table));
    }

    [Fact]
    public async Task Updating_a_file_that_does_not_exist_is_not_a_version_conflict()
    {
        var ghost = new Customer { Number = "C-2026-00099", Kind = CustomerKind.Enterprise, Name = "Ghost Ltd", OwnerAadObjectId = LiNa, Version = "1" };

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Files.UpdateAsync(ghost, []));
    }

    [Fact]
    public async Task Money_is_stored_as_exact_text_and_enums_by_name()
    {
        var created = await CreateAsync("Huadong Precision");
        await Files.UpdateAsync(created with { Credit = new Credit(Limit: 1_234_567.89m), KeyAccount = KeyAccountClasses.Group | KeyAccountClasses.Strategic }, []);

        await using var c = _db!.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT credit_limit, key_account, status FROM customers";
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(("1234567.89", "Group, Strategic", "Pending"), (r.GetString(0), r.GetString(1), r.GetString(2)));
    }

    async Task<long> CountAsync(string table)
    {
        await using var c = _db!.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
