using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// Contacts, entries and visits: each row names its customer — by the ledger's own customer number or by name, a customer of
/// this file first, else a file on record of exactly that name — and is read by its form. A row whose customer is not being
/// filed (a duplicate, an unknown owner, a refused row) is skipped, never filed under another customer.
/// </summary>
sealed partial class ImportPass
{
    /// <summary>A dry run's customer that does not exist yet still needs a number for the visit rules' "customer chosen".</summary>
    const string NotYetNumbered = "C-new";

    sealed record Pending(RowVerdict Verdict, object? Write);

    async Task ChildrenAsync(SheetMapping sheet, SheetRow[] batch, CancellationToken ct)
    {
        var rows = batch.Select(r => (Row: r, Data: LedgerForms.Values(sheet, r))).ToList();
        var unknown = rows.Where(r => InFile(r.Data) is null && Text(r.Data, LedgerFields.Customer) is not null)
            .Select(r => Text(r.Data, LedgerFields.Customer)!).Distinct(StringComparer.Ordinal).ToList();
        var onFile = unknown.Count == 0 ? null : await archive.Customers.FindMatchesAsync(unknown, [], [], ct);

        var pending = new List<Pending>(rows.Count);
        foreach (var (row, data) in rows)
            pending.Add(Child(sheet, row, data, InFile(data) ?? OnFile(data, onFile)));
        if (Applying) pending = await WriteAsync(pending, ct);
        foreach (var p in pending) Emit(p.Verdict);
    }

    Pending Child(SheetMapping sheet, SheetRow row, JsonObject data, Target? target)
    {
        var label = Text(data, LedgerFields.Customer) ?? Text(data, LedgerFields.CustomerKey) ?? "";
        Pending Say(RowOutcome outcome, string? detail, object? write = null, string? number = null) =>
            new(Verdict(sheet, row.Number, outcome, label, number ?? target?.Number, detail), write);

        if (target is null) return Say(RowOutcome.Skipped, T.Get(C, "import.row.noCustomer", label));
        label = target.Name;
        if (target.Outcome is not (RowOutcome.Create or RowOutcome.AlreadyImported))
            return Say(RowOutcome.Skipped, T.Get(C, "import.row.customerNotImported", target.Row));

        var key = ImportKeys.Of(source.Sha256, sheet.Sheet, row.Number, ImportKeys.Record);
        var number = target.Number ?? NotYetNumbered;
        object? write;
        string? problem;
        switch (sheet.Kind)
        {
            case SheetKind.Contacts:
                var (contact, p1) = ChildRows.Contact(sheet, data, C);
                (write, problem) = (contact is null ? null : new ContactImport(number, key, contact), p1);
                break;
            case SheetKind.Entries:
                var (entry, p2) = ChildRows.Entry(sheet, data, C);
                (write, problem) = (entry is null ? null : new ArchiveEntry($"{number}/{key}", number, EntryTypes.CategoryOf(entry.Type), entry.Type, entry.Date,
                    entry.Amount, entry.Reference, entry.Description, entry.Result, request.Importer.AadObjectId, clock.GetUtcNow()), p2);
                break;
            default:
                var rep = owners.Find(Text(data, LedgerFields.Rep));
                if (rep.Unknown is { } name)
                {
                    if (!report.UnknownOwners.Contains(name, StringComparer.OrdinalIgnoreCase)) report.UnknownOwners.Add(name);
                    return Say(RowOutcome.UnknownOwner, T.Get(C, rep.Ambiguous ? "import.row.ownerAmbiguous" : "import.row.ownerUnknown", name));
                }
                var customer = new Customer
                {
                    Number = number, Kind = CustomerKind.Enterprise, Name = target.Name, OwnerAadObjectId = target.OwnerAadObjectId, Category = target.Category,
                };
                var (visit, p3) = ChildRows.Visit(sheet, data, customer, rep.Person?.AadObjectId ?? target.OwnerAadObjectId, key, clock.GetUtcNow(), request.Zone, C);
                (write, problem) = (visit, p3);
                break;
        }
        if (problem is not null || write is null) return Say(RowOutcome.Refused, problem);
        // Rows of a customer filed earlier went in with it, unless that apply was cut short before their batch.
        if (target.Outcome == RowOutcome.AlreadyImported && (!Applying || progress!.IsDone(sheet.Sheet, row.Number)))
            return Say(RowOutcome.AlreadyImported, T.Get(C, "import.row.alreadyImported", number));
        return Say(RowOutcome.Create, T.Get(C, "import.row.willCreate"), write);
    }

    /// <summary>The batch's writes, each once per key: a row stored before (by a cut-short apply) counts as already imported.</summary>
    async Task<List<Pending>> WriteAsync(List<Pending> pending, CancellationToken ct)
    {
        var stored = new Dictionary<object, bool>(ReferenceEqualityComparer.Instance);
        var contacts = pending.Select(p => p.Write).OfType<ContactImport>().ToList();
        if (contacts.Count > 0)
            foreach (var (c, s) in contacts.Zip(await archive.Customers.ImportContactsAsync(contacts, ct))) stored[c] = s;
        var entries = pending.Select(p => p.Write).OfType<ArchiveEntry>().ToList();
        if (entries.Count > 0)
            foreach (var (e, s) in entries.Zip(await archive.Customers.ImportEntriesAsync(entries, ct))) stored[e] = s;
        foreach (var visit in pending.Select(p => p.Write).OfType<Visit>())
            stored[visit] = (await archive.Visits.AddOnceAsync(visit, ct: ct)).Created;
        return [.. pending.Select(p => p.Write is { } w && !stored[w]
            ? p with { Verdict = p.Verdict with { Outcome = RowOutcome.AlreadyImported, Detail = T.Get(C, "import.row.alreadyImported", p.Verdict.Number) } }
            : p.Write is not null ? p with { Verdict = p.Verdict with { Detail = T.Get(C, "import.row.created", p.Verdict.Number) } } : p)];
    }

    Target? InFile(JsonObject data) =>
        Text(data, LedgerFields.CustomerKey) is { } key && _byLedgerKey.TryGetValue(key, out var byKey) ? byKey
        : Text(data, LedgerFields.Customer) is { } name && _byName.TryGetValue(CustomerNames.Normalize(name), out var byName) ? byName
        : null;

    /// <summary>A file on record of exactly that name, when there is one and only one.</summary>
    static Target? OnFile(JsonObject data, FilesByKey? on) =>
        Text(data, LedgerFields.Customer) is { } name && on?.ByName.GetValueOrDefault(CustomerNames.Normalize(name)) is [var file]
            ? new Target(0, RowOutcome.Create, file.Number, file.Name, file.Category, file.OwnerAadObjectId)
            : null;

    static string? Text(JsonObject data, string field) => data[field]?.GetValue<string>();
}
