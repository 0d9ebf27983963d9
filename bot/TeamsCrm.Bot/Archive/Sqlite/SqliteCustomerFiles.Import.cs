using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>
/// The import's bulk paths: a batch of files in one transaction (all of it or nothing), numbers taken as one range of the
/// year's counter, each file once per import key (its row in customer_submissions), each contact once per import key (the
/// unique contacts.import_key) and each entry once per id.
/// </summary>
sealed partial class SqliteCustomerFiles
{
    /// <summary>SQLite allows 32,766 parameters a statement; lists are sent in slices well below.</summary>
    const int Slice = 500;

    public async Task<FilesByKey> FindMatchesAsync(IReadOnlyCollection<string> names, IReadOnlyCollection<string> phones,
        IReadOnlyCollection<string> creditCodes, CancellationToken ct = default)
    {
        await using var c = db.Open();
        // A name is matched against every file's name and aliases, as the duplicate check of the form does (NameColumns).
        var asked = names.Select(CustomerNames.Normalize).ToHashSet(StringComparer.Ordinal);
        return new FilesByKey(
            await MatchAsync(c, NameColumns, [.. asked], f => CustomerAliases.NormalizedNames(f).Where(asked.Contains), ct),
            await MatchAsync(c, ["phone_normalized"], [.. phones.Select(CustomerNames.NormalizePhone).OfType<string>()],
                f => [CustomerNames.NormalizePhone(f.Phone)!], ct),
            await MatchAsync(c, ["credit_code_normalized"], [.. creditCodes.Select(CustomerNames.NormalizeCreditCode).OfType<string>()],
                f => [CustomerNames.NormalizeCreditCode(f.CreditCode)!], ct));
    }

    /// <summary>The files whose value in any of <paramref name="columns"/> is among <paramref name="values"/>, by each value they answer to.</summary>
    static async Task<IReadOnlyDictionary<string, IReadOnlyList<Customer>>> MatchAsync(SqliteConnection c, string[] columns, List<string> values,
        Func<Customer, IEnumerable<string>> keysOf, CancellationToken ct)
    {
        var found = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var slice in values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Chunk(Slice))
        {
            var names = slice.Select((_, i) => $"$v{i}").ToArray();
            var list = string.Join(',', names);
            // Each OR term is answered from its column's own index.
            var where = string.Join(" OR ", columns.Select(col => $"{col} IN ({list})"));
            foreach (var file in await Sql.ListAsync(c, $"{SqliteCustomerRows.Select} WHERE status <> $purged AND ({where}) ORDER BY name_normalized, number",
                SqliteCustomerRows.Read, ct, [.. slice.Select((v, i) => (names[i], (object?)v)), ("$purged", Purged)]))
                found.TryAdd(file.Number, file);
        }
        return found.Values.OrderBy(f => CustomerNames.Normalize(f.Name), StringComparer.Ordinal).ThenBy(f => f.Number, StringComparer.Ordinal)
            .SelectMany(f => keysOf(f).Distinct(StringComparer.Ordinal).Select(k => (Key: k, File: f)))
            .GroupBy(x => x.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Customer>)[.. g.Select(x => x.File)], StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> ImportedAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await FiledAsync(c, keys, ct);
    }

    static async Task<Dictionary<string, string>> FiledAsync(SqliteConnection c, IEnumerable<string> keys, CancellationToken ct)
    {
        var filed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var slice in keys.Distinct(StringComparer.Ordinal).Chunk(Slice))
        {
            var names = slice.Select((_, i) => $"$k{i}").ToArray();
            foreach (var (key, number) in await Sql.ListAsync(c,
                $"SELECT submission_id, customer_number FROM customer_submissions WHERE submission_id IN ({string.Join(',', names)})",
                r => (r.Text("submission_id"), r.Text("customer_number")), ct, [.. slice.Select((k, i) => (names[i], (object?)k))]))
                filed[key] = number;
        }
        return filed;
    }

    public async Task<IReadOnlyList<ImportedFile>> ImportAsync(IReadOnlyList<CustomerImport> files, CancellationToken ct = default)
    {
        if (files.Count == 0) return [];
        var now = clock.GetUtcNow();
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var filed = await FiledAsync(c, files.Select(f => f.Key), ct);
        var fresh = files.Where(f => !filed.ContainsKey(f.Key)).DistinctBy(f => f.Key, StringComparer.Ordinal).ToList();
        var year = now.UtcDateTime.Year;
        var last = fresh.Count == 0 ? 0 : (long)(await Sql.ScalarAsync(c, """
            INSERT INTO number_counters (year, last) VALUES ($year, $n)
            ON CONFLICT(year) DO UPDATE SET last = last + $n
            RETURNING last
            """, ct, ("$year", year), ("$n", fresh.Count)))!;
        var sequence = last - fresh.Count;
        foreach (var import in fresh)
        {
            var customer = import.File with
            {
                Number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"C-{year}-{++sequence:D5}"),
                CreatedAt = now, UpdatedAt = now, Version = "1",
            };
            await Sql.ExecAsync(c, SqliteCustomerRows.Insert, ct, SqliteCustomerRows.Parameters(customer));
            foreach (var contact in import.Contacts)
                await InsertImportedContactAsync(c, customer.Number, contact.Key, contact.Contact, ct);
            await Sql.ExecAsync(c, "INSERT INTO customer_submissions (submission_id, customer_number, created_at) VALUES ($id, $number, $now)", ct,
                ("$id", import.Key), ("$number", customer.Number), ("$now", Sql.Iso(now)));
            await InsertChangeAsync(c, new ChangeRecord(customer.Number, Domain.Imports.ImportKeys.HistoryField, null, import.Note, import.ImportedBy, now, null, null), ct);
            filed[import.Key] = customer.Number;
        }
        var results = new List<ImportedFile>(files.Count);
        var created = fresh.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var import in files)
            results.Add(new ImportedFile(import.Key, (await ReadAsync(c, filed[import.Key], ct))!, created.Remove(import.Key)));
        await write.CommitAsync(ct);
        return results;
    }

    public async Task<IReadOnlyList<bool>> ImportContactsAsync(IReadOnlyList<ContactImport> contacts, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var stored = new List<bool>(contacts.Count);
        foreach (var import in contacts)
            stored.Add(await InsertImportedContactAsync(write.Connection, import.CustomerNumber, import.Key, import.Contact, ct));
        await write.CommitAsync(ct);
        return stored;
    }

    static async Task<bool> InsertImportedContactAsync(SqliteConnection c, string number, string key, NewContact n, CancellationToken ct) =>
        await Sql.ExecAsync(c, """
            INSERT INTO contacts (customer_number, name, title, phone, email, role, import_key) VALUES ($number, $name, $title, $phone, $email, $role, $key)
            ON CONFLICT DO NOTHING
            """, ct, ("$number", number), ("$name", n.Name), ("$title", n.Title), ("$phone", n.Phone), ("$email", n.Email),
            ("$role", n.Role.ToString()), ("$key", key)) == 1;

    public async Task<IReadOnlyList<bool>> ImportEntriesAsync(IReadOnlyList<ArchiveEntry> entries, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var stored = new List<bool>(entries.Count);
        foreach (var entry in entries) stored.Add(await InsertEntryAsync(write.Connection, entry, ct) == 1);
        await write.CommitAsync(ct);
        return stored;
    }
}
