using System.Globalization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// Customer files in SQLite. Every write runs in a BEGIN IMMEDIATE transaction taken in turn
/// (<see cref="SqliteDatabase.BeginWriteAsync"/>): writers queue for the lock at the start instead of failing at
/// commit, and each write is all or nothing.
/// The records filed under a customer (contacts, entries, history, grants, log) are in the .Records file.
/// </summary>
sealed partial class SqliteCustomerFiles(SqliteDatabase db, TimeProvider clock) : ICustomerFiles
{
    static readonly string Purged = nameof(CustomerStatus.Purged);

    public async Task<Customer> CreateAsync(NewCustomer draft, string submissionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var filed = await Sql.ScalarAsync(c, "SELECT customer_number FROM customer_submissions WHERE submission_id = $id", ct, ("$id", submissionId));
        if (filed is string earlier)
            return (await ReadAsync(c, earlier, ct))!;   // redelivered form: the first file, and no second number

        var customer = new Customer
        {
            Number = await NextNumberAsync(c, now.UtcDateTime.Year, ct),
            Kind = draft.Kind, Name = draft.Name, OwnerAadObjectId = draft.OwnerAadObjectId,
            Industry = draft.Industry, CompanySize = draft.CompanySize, Region = draft.Region, Address = draft.Address,
            Phone = draft.Phone, Email = draft.Email, Website = draft.Website, CreditCode = draft.CreditCode, Aliases = draft.Aliases,
            Coordinates = draft.Coordinates,
            Category = draft.Category, Tier = draft.Tier, Status = CustomerStatus.Pending,
            CreatedAt = now, UpdatedAt = now, Version = "1",
        };
        await Sql.ExecAsync(c, SqliteCustomerRows.Insert, ct, SqliteCustomerRows.Parameters(customer));
        foreach (var contact in draft.Contacts ?? [])
            await InsertContactAsync(c, customer.Number, contact, ct);
        await Sql.ExecAsync(c, "INSERT INTO customer_submissions (submission_id, customer_number, created_at) VALUES ($id, $number, $now)", ct,
            ("$id", submissionId), ("$number", customer.Number), ("$now", Sql.Iso(now)));
        await write.CommitAsync(ct);
        return customer;
    }

    /// <summary>
    /// C-{year}-{seq:D5}, sequential per UTC year. The counter moves inside the caller's transaction, so a
    /// create that fails gives its number back.
    /// </summary>
    static async Task<string> NextNumberAsync(SqliteConnection c, int year, CancellationToken ct)
    {
        var seq = (long)(await Sql.ScalarAsync(c, """
            INSERT INTO number_counters (year, last) VALUES ($year, 1)
            ON CONFLICT(year) DO UPDATE SET last = last + 1
            RETURNING last
            """, ct, ("$year", year)))!;
        return string.Create(CultureInfo.InvariantCulture, $"C-{year}-{seq:D5}");
    }

    public async Task<Customer?> GetAsync(string number, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await ReadAsync(c, number, ct);
    }

    public async Task<CustomerFile?> GetFileAsync(string number, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using var tx = c.BeginTransaction(deferred: true);   // one snapshot: the parts of the file agree
        if (await ReadAsync(c, number, ct) is not { } customer) return null;
        return new CustomerFile(customer, await ContactsAsync(c, number, ct), await EntriesAsync(c, number, ct), await HistoryAsync(c, number, ct));
    }

    public async Task<IReadOnlyList<FileBeforeVisit>> BeforeVisitsAsync(IReadOnlyList<string> numbers, int latestVisits, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using var tx = c.BeginTransaction(deferred: true);   // one snapshot for the whole brief
        var files = new List<FileBeforeVisit>();
        foreach (var number in numbers.Distinct(StringComparer.Ordinal))
        {
            if (await ReadAsync(c, number, ct) is not { Status: not CustomerStatus.Purged } customer) continue;
            var visits = latestVisits <= 0 ? [] : await Sql.ListAsync(c,
                $"{SqliteVisitRows.Select} WHERE customer_number = $number AND withdrawn_at IS NULL ORDER BY time DESC, id DESC LIMIT $latest",
                SqliteVisitRows.Read, ct, ("$number", number), ("$latest", latestVisits));
            files.Add(new FileBeforeVisit(customer, await ContactsAsync(c, number, ct), await EntriesAsync(c, number, ct), visits));
        }
        return files;
    }

    /// <summary>
    /// A range on the normalised name rather than LIKE: the index serves it and no character the user types is
    /// a wildcard. U+10FFFF is the highest code point, so every name that starts with the prefix sorts below
    /// prefix + U+10FFFF. A prefix that normalises to nothing ("%", "…") finds nothing rather than everything.
    /// </summary>
    static readonly string[] NameColumns = ["name_normalized", "alias1_normalized", "alias2_normalized", "alias3_normalized"];

    public async Task<IReadOnlyList<Customer>> FindByNamePrefixAsync(string prefix, int max, CancellationToken ct = default)
    {
        var p = CustomerNames.Normalize(prefix);
        if (p.Length == 0 || max <= 0) return [];
        // The name or any alias starting with it; SQLite answers each OR term from its own index.
        return await FindAsync(string.Join(" OR ", NameColumns.Select(c => $"({c} >= $p AND {c} < $end)")) + " ORDER BY name_normalized, number LIMIT $max", ct,
            ("$p", p), ("$end", p + "\U0010FFFF"), ("$max", max));
    }

    public async Task<IReadOnlyList<Customer>> FindByPhoneAsync(string phone, CancellationToken ct = default) =>
        CustomerNames.NormalizePhone(phone) is { } p
            ? await FindAsync("phone_normalized = $p ORDER BY name_normalized, number", ct, ("$p", p))
            : [];

    public async Task<IReadOnlyList<Customer>> FindByCreditCodeAsync(string creditCode, CancellationToken ct = default) =>
        CustomerNames.NormalizeCreditCode(creditCode) is { } p
            ? await FindAsync("credit_code_normalized = $p ORDER BY name_normalized, number", ct, ("$p", p))
            : [];

    public async Task<IReadOnlyList<Customer>> ListByOwnerAsync(string ownerAadObjectId, CancellationToken ct = default) =>
        await FindAsync("owner_aad_object_id = $owner ORDER BY name_normalized, number", ct, ("$owner", ownerAadObjectId));

    public async Task<IReadOnlyList<Customer>> ListDeletedAsync(CancellationToken ct = default) =>
        await FindAsync("status = $deleted ORDER BY purge_after, number", ct, ("$deleted", nameof(CustomerStatus.Deleted)));

    /// <summary>Finders never return purged files; deleted ones they do, and their status says so.</summary>
    async Task<List<Customer>> FindAsync(string whereAndOrder, CancellationToken ct, params (string, object?)[] args)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, $"{SqliteCustomerRows.Select} WHERE status <> $purged AND {whereAndOrder}", SqliteCustomerRows.Read, ct,
            [.. args, ("$purged", Purged)]);
    }

    /// <summary>
    /// The archive stamps UpdatedAt from its clock; the number and CreatedAt never change. On a version
    /// mismatch the transaction is rolled back, so neither the file nor its history changes.
    /// </summary>
    public async Task<Customer> UpdateAsync(Customer updated, IReadOnlyList<ChangeRecord> changes, CancellationToken ct = default)
    {
        if (changes.FirstOrDefault(ch => ch.CustomerNumber != updated.Number) is { } stray)
            throw new ArgumentException($"A change record for {stray.CustomerNumber} cannot be saved with {updated.Number}.", nameof(changes));

        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var saved = long.TryParse(updated.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && await Sql.ExecAsync(c, SqliteCustomerRows.Update, ct,
                [.. SqliteCustomerRows.Parameters(updated with { UpdatedAt = clock.GetUtcNow() }), ("$version", version)]) == 1;
        if (!saved)
        {
            var current = await ReadAsync(c, updated.Number, ct) ?? throw new KeyNotFoundException($"There is no customer {updated.Number}.");
            throw new VersionConflictException(current);
        }
        foreach (var change in changes)
            await InsertChangeAsync(c, change, ct);
        var stored = (await ReadAsync(c, updated.Number, ct))!;
        await write.CommitAsync(ct);
        return stored;
    }

    /// <summary>One transaction: what is filed under the file goes, the file becomes what <see cref="Retention.Purge"/> leaves.</summary>
    public async Task<Customer> PurgeAsync(Customer due, ChangeRecord purged, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var left = Retention.Purge(due) with { UpdatedAt = clock.GetUtcNow() };
        var saved = long.TryParse(due.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && await Sql.ExecAsync(c, SqliteCustomerRows.Update, ct, [.. SqliteCustomerRows.Parameters(left), ("$version", version)]) == 1;
        if (!saved)
            throw new VersionConflictException(await ReadAsync(c, due.Number, ct) ?? throw new KeyNotFoundException($"There is no customer {due.Number}."));
        foreach (var table in (string[])["contacts", "archive_entries", "change_records", "access_grants", "access_log"])
            await Sql.ExecAsync(c, $"DELETE FROM {table} WHERE customer_number = $number", ct, ("$number", due.Number));
        await InsertChangeAsync(c, purged, ct);
        var stored = (await ReadAsync(c, due.Number, ct))!;
        await write.CommitAsync(ct);
        return stored;
    }

    static async Task<Customer?> ReadAsync(SqliteConnection c, string number, CancellationToken ct) =>
        (await Sql.ListAsync(c, $"{SqliteCustomerRows.Select} WHERE number = $number", SqliteCustomerRows.Read, ct, ("$number", number)))
            .SingleOrDefault();
}
