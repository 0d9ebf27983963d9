using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>Who imports, whose names the owner map settles, and in which language and zone.</summary>
public sealed record ImportRequest(Person Importer, IReadOnlyDictionary<string, string> OwnerMap, CultureInfo Culture, TimeZoneInfo Zone);

/// <summary>
/// One pass over a ledger, sheet by sheet in reading order (customers first), batch by batch: each row read by the forms'
/// readers, the batch's duplicate check and import-key lookup in one query each, then the verdicts — and, when applying, the
/// batch's writes (every one keyed, so a pass cut short and run again writes nothing twice). The dry run is the same pass
/// without the writes, so it says exactly what the apply will do.
/// </summary>
sealed partial class ImportPass(ICrmArchive archive, LedgerSource source, ImportRequest request, OwnerDirectory owners, TimeProvider clock,
    int batchSize, ImportReport report, Action<RowVerdict>? sink, ImportProgress? progress)
{
    /// <summary>A customer of this file or the archive that child rows may name; <see cref="Number"/> is null for a file the dry run would create.</summary>
    sealed record Target(int Row, RowOutcome Outcome, string? Number, string Name, CustomerCategory Category, string OwnerAadObjectId);

    // What the file has had so far, by normal form: the duplicate check within the file, and the customers its other sheets name.
    readonly Dictionary<string, int> _names = new(StringComparer.Ordinal), _phones = new(StringComparer.Ordinal), _codes = new(StringComparer.Ordinal);
    readonly Dictionary<string, Target> _byName = new(StringComparer.Ordinal), _byLedgerKey = new(StringComparer.OrdinalIgnoreCase);

    bool Applying => progress is not null;
    CultureInfo C => request.Culture;

    public async Task RunAsync(IWorkbookReader reader, LedgerMapping mapping, CancellationToken ct)
    {
        foreach (var sheet in mapping.InReadingOrder())
        {
            var book = reader.Sheets.FirstOrDefault(s => s.Name == sheet.Sheet) ?? throw new WorkbookRefusedException(WorkbookProblem.Damaged, sheet.Sheet);
            var rows = sheet.MergedData ? MergedRows.Filled(reader.Rows(book), reader.MergedCells(book), sheet.HeaderRow) : reader.Rows(book);
            foreach (var batch in rows.Where(r => r.Number > sheet.HeaderRow).Chunk(batchSize))
            {
                if (sheet.Kind == SheetKind.Customers) await CustomersAsync(sheet, batch, ct);
                else await ChildrenAsync(sheet, batch, ct);
                if (progress is not null) await progress.DoneAsync(sheet.Sheet, batch[^1].Number, ct);
            }
        }
    }

    async Task CustomersAsync(SheetMapping sheet, SheetRow[] batch, CancellationToken ct)
    {
        var rows = batch.Select(r => (Row: r, Read: CustomerRows.Read(sheet, r, source.Sha256, C))).ToList();
        var ok = rows.Where(r => r.Read.Row is not null).Select(r => r.Read.Row!).ToList();
        var imported = ok.Count == 0 ? new Dictionary<string, string>() : await archive.Customers.ImportedAsync([.. ok.Select(r => r.Key)], ct);
        var fresh = ok.Where(r => !imported.ContainsKey(r.Key)).ToList();
        var matches = fresh.Count == 0 ? null : await archive.Customers.FindMatchesAsync([.. fresh.SelectMany(r => Names(r.File))],
            [.. fresh.Select(r => r.File.Phone).OfType<string>()], [.. fresh.Select(r => r.File.CreditCode).OfType<string>()], ct);

        var verdicts = new List<(RowVerdict Verdict, CustomerRow? Row)>();
        var creates = new List<CustomerImport>();
        foreach (var (row, (read, problem)) in rows)
        {
            if (read is null)
            {
                verdicts.Add((Verdict(sheet, row.Number, RowOutcome.Refused, NameIn(sheet, row), null, problem), null));
                continue;
            }
            var name = read.File.Name;
            if (imported.TryGetValue(read.Key, out var number))
            {
                Remember(read, new Target(read.Row, RowOutcome.AlreadyImported, number, name, read.File.Category, read.File.OwnerAadObjectId));
                verdicts.Add((Verdict(sheet, read.Row, RowOutcome.AlreadyImported, name, number, T.Get(C, "import.row.alreadyImported", number)), read));
                continue;
            }
            var duplicate = DuplicateInFile(read) ?? DuplicateOnFile(read, matches!);
            var owner = owners.Find(read.OwnerCell);
            var ownerId = owner.Person?.AadObjectId ?? (owner.Unknown is null ? request.Importer.AadObjectId : "");
            var outcome = duplicate is not null ? RowOutcome.Duplicate : owner.Unknown is not null ? RowOutcome.UnknownOwner : RowOutcome.Create;
            var file = read.File with { OwnerAadObjectId = ownerId };
            Remember(read with { File = file }, new Target(read.Row, outcome, null, name, file.Category, ownerId));
            if (duplicate is { } d)
                verdicts.Add((Verdict(sheet, read.Row, outcome, name, d.Number, d.Detail), read));
            else if (owner.Unknown is { } unknown)
            {
                if (!report.UnknownOwners.Contains(unknown, StringComparer.OrdinalIgnoreCase)) report.UnknownOwners.Add(unknown);
                verdicts.Add((Verdict(sheet, read.Row, outcome, name, null,
                    T.Get(C, owner.Ambiguous ? "import.row.ownerAmbiguous" : "import.row.ownerUnknown", unknown)), read));
            }
            else
            {
                verdicts.Add((Verdict(sheet, read.Row, outcome, name, null, T.Get(C, "import.row.willCreate")), read));
                creates.Add(new CustomerImport(read.Key, file,
                    read.Contact is { } contact ? [new KeyedContact(ImportKeys.Of(source.Sha256, sheet.Sheet, read.Row, ImportKeys.FirstContact), contact)] : [],
                    request.Importer.AadObjectId, T.Get(C, "import.history", source.FileName, read.Row)));
            }
        }

        if (Applying) verdicts = await FileAsync(sheet, verdicts, creates, ct);
        foreach (var (verdict, _) in verdicts) Emit(verdict);
    }

    /// <summary>Files the batch's new customers, then the contracts on their rows (and on rows a cut-short apply filed without them).</summary>
    async Task<List<(RowVerdict, CustomerRow?)>> FileAsync(SheetMapping sheet, List<(RowVerdict Verdict, CustomerRow? Row)> verdicts,
        List<CustomerImport> creates, CancellationToken ct)
    {
        var numbers = (await archive.Customers.ImportAsync(creates, ct)).ToDictionary(f => f.Key, f => f.File.Number, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var contracts = new List<ArchiveEntry>();
        var result = new List<(RowVerdict, CustomerRow?)>(verdicts.Count);
        foreach (var (verdict, row) in verdicts)
        {
            var filed = verdict;
            if (row is not null && numbers.TryGetValue(row.Key, out var number))
            {
                filed = verdict with { Number = number, Detail = T.Get(C, "import.row.created", number) };
                Settle(row, number);
            }
            if (row is { Contract: { } contract } && filed.Number is { } n && filed.Outcome is RowOutcome.Create or RowOutcome.AlreadyImported
                && !progress!.IsDone(sheet.Sheet, row.Row))
                contracts.Add(new ArchiveEntry($"{n}/{ImportKeys.Of(source.Sha256, sheet.Sheet, row.Row, ImportKeys.FirstContract)}", n,
                    EntryTypes.CategoryOf(EntryType.Contract), EntryType.Contract, contract.Date, contract.Amount, contract.Reference, contract.Description,
                    contract.Result, request.Importer.AadObjectId, now));
            result.Add((filed, row));
        }
        if (contracts.Count > 0) await archive.Customers.ImportEntriesAsync(contracts, ct);
        return result;
    }

    void Remember(CustomerRow row, Target target)
    {
        if (CustomerNames.Normalize(row.File.Name) is { Length: > 0 } name) _byName.TryAdd(name, target);
        foreach (var other in Names(row.File).Select(CustomerNames.Normalize).Where(n => n.Length > 0)) _names.TryAdd(other, row.Row);
        if (CustomerNames.NormalizePhone(row.File.Phone) is { Length: > 0 } phone) _phones.TryAdd(phone, row.Row);
        if (CustomerNames.NormalizeCreditCode(row.File.CreditCode) is { Length: > 0 } code) _codes.TryAdd(code, row.Row);
        if (row.LedgerKey is { Length: > 0 } key) _byLedgerKey.TryAdd(key, target);
    }

    /// <summary>The apply filed the row: the file's other sheets find it under its number now.</summary>
    void Settle(CustomerRow row, string number)
    {
        var name = CustomerNames.Normalize(row.File.Name);
        if (_byName.TryGetValue(name, out var t) && t.Row == row.Row) _byName[name] = t with { Number = number };
        if (row.LedgerKey is { Length: > 0 } key && _byLedgerKey.TryGetValue(key, out var k) && k.Row == row.Row) _byLedgerKey[key] = k with { Number = number };
    }

    /// <summary>The same name (or alias), phone or credit code on an earlier row of this file (the duplicate check's three keys).</summary>
    (string? Number, string Detail)? DuplicateInFile(CustomerRow row)
    {
        int? earlier = Names(row.File).Select(CustomerNames.Normalize).Select(name => _names.TryGetValue(name, out var n) ? n : (int?)null)
                .FirstOrDefault(n => n is not null)
            ?? (CustomerNames.NormalizePhone(row.File.Phone) is { } p && _phones.TryGetValue(p, out var pr) ? pr
            : CustomerNames.NormalizeCreditCode(row.File.CreditCode) is { } c && _codes.TryGetValue(c, out var cr) ? cr
            : null);
        return earlier is { } r ? (null, T.Get(C, "import.row.duplicateRow", r)) : null;
    }

    /// <summary>The duplicate check against the archive, as the new-customer form makes it: name, phone, credit code.</summary>
    (string? Number, string Detail)? DuplicateOnFile(CustomerRow row, FilesByKey on)
    {
        (Customer File, string Field)? found = null;
        if (Names(row.File).Select(n => on.ByName.GetValueOrDefault(CustomerNames.Normalize(n))).FirstOrDefault(f => f is { Count: > 0 }) is { } byName)
            found = (byName[0], "name");
        else if (CustomerNames.NormalizePhone(row.File.Phone) is { } p && on.ByPhone.GetValueOrDefault(p) is { Count: > 0 } byPhone) found = (byPhone[0], "phone");
        else if (CustomerNames.NormalizeCreditCode(row.File.CreditCode) is { } c && on.ByCreditCode.GetValueOrDefault(c) is { Count: > 0 } byCode)
            found = (byCode[0], "creditCode");
        return found is var (file, field)
            ? (file.Number, T.Get(C, "import.row.duplicate", file.Number, file.Name, T.Get(C, "import.field." + field)))
            : null;
    }

    /// <summary>The names a row's customer goes by: its name and aliases, each a name to the duplicate check (as on the form).</summary>
    static IEnumerable<string> Names(Customer file) => [file.Name, .. CustomerAliases.Split(file.Aliases)];

    RowVerdict Verdict(SheetMapping sheet, int row, RowOutcome outcome, string label, string? number, string? detail) =>
        new(sheet.Sheet, row, sheet.Kind, outcome, label, number, detail);

    void Emit(RowVerdict verdict)
    {
        report.Add(verdict);
        sink?.Invoke(verdict);
    }

    static string NameIn(SheetMapping sheet, SheetRow row) =>
        LedgerValues.Folded(sheet.For(LedgerFields.Name).FirstOrDefault() is { } c ? row[c.Column] : null) ?? "";
}
