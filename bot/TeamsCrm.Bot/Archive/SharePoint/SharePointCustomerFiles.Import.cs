using Microsoft.Kiota.Abstractions;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using static TeamsCrm.Bot.Archive.SharePoint.CustomerFields;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// The import's bulk paths on SharePoint: every read and write goes in $batch requests of 20 steps, four in flight
/// (<see cref="GraphBatch"/>), so a batch of 500 files costs tens of round trips, not thousands. Filing a batch of files:
/// <list type="number">
/// <item>Find the batch's claims (Submissions, Title = the import key): a key filed before returns its file; a claim whose
///   file never appeared was left by an import cut short, and this one finishes it under the claim's number.</item>
/// <item>Take the numbers for the rest as one range: one If-Match update of the year's counter.</item>
/// <item>Claim each key with its number (a second importer of the same key gets 409).</item>
/// <item>Write the contacts and the history record of every file, then the customer items last: as in
///   <see cref="CreateAsync"/>, a file is visible only through its customer item, so it is visible only once complete.</item>
/// </list>
/// A failure leaves the claims (with their numbers): the next call with the same keys removes what the cut-short one wrote
/// under those numbers and writes the files again. Contacts are filed once per import key by reading the customer's contacts
/// first; entries once per id by the unique Title (409).
/// </summary>
sealed partial class SharePointCustomerFiles
{
    public async Task<FilesByKey> FindMatchesAsync(IReadOnlyCollection<string> names, IReadOnlyCollection<string> phones,
        IReadOnlyCollection<string> creditCodes, CancellationToken ct = default)
    {
        // A name is looked up in the name column and in each alias column (SharePoint seeks one indexed column per query).
        string[] nameColumns = [NormalizedName, .. NormalizedAliases];
        var asked = names.SelectMany(n => nameColumns.Select(column => (Column: column, Value: CustomerNames.Normalize(n))))
            .Concat(phones.Select(p => (Column: NormalizedPhone, Value: CustomerNames.NormalizePhone(p) ?? "")))
            .Concat(creditCodes.Select(c => (Column: NormalizedCreditCode, Value: CustomerNames.NormalizeCreditCode(c) ?? "")))
            .Where(q => q.Value.Length > 0).Distinct().ToList();
        var found = await QueryEachAsync(Customers, asked, top: SharePointSite.MaxPage, ct);
        IReadOnlyDictionary<string, IReadOnlyList<Customer>> Of(params string[] columns) => asked.Select((q, i) => (q, i))
            .Where(x => columns.Contains(x.q.Column))
            .SelectMany(x => found[x.i].Where(f => Listed(f) && f.Text(x.q.Column) == x.q.Value).Select(f => (x.q.Value, Item: f)))
            .GroupBy(x => x.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Customer>)ByName(g.Select(x => x.Item).DistinctBy(f => f.Text(Number))), StringComparer.Ordinal);
        return new FilesByKey(Of(nameColumns), Of(NormalizedPhone), Of(NormalizedCreditCode));
    }

    public async Task<IReadOnlyDictionary<string, string>> ImportedAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        var (filed, _) = await ClaimsOfAsync([.. keys.Distinct(StringComparer.Ordinal)], ct);
        return filed.ToDictionary(f => f.Key, f => f.Value.Number!, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ImportedFile>> ImportAsync(IReadOnlyList<CustomerImport> files, CancellationToken ct = default)
    {
        if (files.Count == 0) return [];
        var now = clock.GetUtcNow();
        var year = now.UtcDateTime.Year;
        var distinct = files.DistinctBy(f => f.Key, StringComparer.Ordinal).ToList();
        var (filed, unfinished) = await ClaimsOfAsync([.. distinct.Select(f => f.Key)], ct);

        // Numbers: a cut-short import's claim keeps its number; the rest take one range.
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, claim) in unfinished) if (claim.Number is { } n) numbers[key] = n;
        var fresh = distinct.Where(f => !filed.ContainsKey(f.Key) && !numbers.ContainsKey(f.Key)).ToList();
        if (fresh.Count > 0)
        {
            var taken = await _numbers.TakeAsync(year, fresh.Count, ct);
            foreach (var (import, number) in fresh.Zip(taken.Range(year))) numbers[import.Key] = number;
            await ClaimAsync(fresh, unfinished, numbers, now, taken, ct);
        }
        var writing = distinct.Where(f => numbers.ContainsKey(f.Key)).ToList();
        await RemoveLeftoversAsync([.. unfinished.Where(u => u.Value.Number is not null).Select(u => u.Value.Number!)], ct);

        // Children first, the customer items last.
        var contacts = await site.ItemsAsync(SharePointLists.Contacts, ct);
        var records = await site.ItemsAsync(ChangeRecords, ct);
        var children = writing.SelectMany(f => f.Contacts.Select(c => SharePointSite.CreateRequest(contacts, ImportedContactFields(numbers[f.Key], c.Key, c.Contact)))
            .Append(SharePointSite.CreateRequest(records, RecordFields(History(f, numbers[f.Key], now))))).ToList();
        Require(await batch.SendAsync(children, ct));
        var customers = await site.ItemsAsync(Customers, ct);
        var stored = writing.Select(f => f.File with { Number = numbers[f.Key], CreatedAt = now, UpdatedAt = now }).ToList();
        var answers = await batch.SendAsync([.. stored.Select(c => SharePointSite.CreateRequest(customers, ForCreate(c)))], ct);
        Require(answers);

        var result = new Dictionary<string, ImportedFile>(StringComparer.Ordinal);
        foreach (var (key, file) in filed) result[key] = new ImportedFile(key, file.File!, Created: false);
        for (var i = 0; i < writing.Count; i++) result[writing[i].Key] = new ImportedFile(writing[i].Key, Remember(answers[i].Item()), Created: true);
        var created = new HashSet<string>(StringComparer.Ordinal);
        return [.. files.Select(f => result[f.Key] with { Created = result[f.Key].Created && created.Add(f.Key) })];
    }

    static ChangeRecord History(CustomerImport f, string number, DateTimeOffset now) => new(number, Domain.Imports.ImportKeys.HistoryField, null, f.Note, f.ImportedBy, now, null, null);

    sealed record ImportClaim(string ItemId, string ETag, string? Number, Customer? File);

    /// <summary>The claims of the keys: those whose file exists (filed), and those whose file does not (unfinished).</summary>
    async Task<(Dictionary<string, ImportClaim> Filed, Dictionary<string, ImportClaim> Unfinished)> ClaimsOfAsync(IReadOnlyList<string> keys,
        CancellationToken ct)
    {
        var claims = await QueryEachAsync(Submissions, [.. keys.Select(k => ("Title", k))], top: 2, ct);
        var found = new Dictionary<string, ImportClaim>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
            if (claims[i].FirstOrDefault(c => c.Text("Title") == keys[i]) is { } claim)
                found[keys[i]] = new ImportClaim(claim.Id, claim.ETag, claim.Text(SharePointLists.CustomerNumber), null);
        var numbered = found.Where(f => f.Value.Number is not null).ToList();
        var files = await QueryEachAsync(Customers, [.. numbered.Select(f => (Number, f.Value.Number!))], top: 2, ct);
        var (filed, unfinished) = (new Dictionary<string, ImportClaim>(StringComparer.Ordinal), new Dictionary<string, ImportClaim>(StringComparer.Ordinal));
        for (var i = 0; i < numbered.Count; i++)
        {
            var (key, claim) = numbered[i];
            if (Single(files[i], claim.Number!) is { } file) filed[key] = claim with { File = file };
            else unfinished[key] = claim;
        }
        foreach (var (key, claim) in found.Where(f => f.Value.Number is null)) unfinished[key] = claim;
        return (filed, unfinished);
    }

    /// <summary>Claims each fresh key with its number (an unfinished claim without a number gets it by If-Match); gives the range back if none could be claimed.</summary>
    async Task ClaimAsync(List<CustomerImport> fresh, Dictionary<string, ImportClaim> unfinished, Dictionary<string, string> numbers, DateTimeOffset now,
        TakenNumber taken, CancellationToken ct)
    {
        var submissions = await site.ItemsAsync(Submissions, ct);
        var requests = fresh.Select(f => unfinished.TryGetValue(f.Key, out var claim)
            ? SharePointSite.UpdateRequest(submissions, claim.ItemId, claim.ETag, new Dictionary<string, object?> { [SharePointLists.CustomerNumber] = numbers[f.Key] })
            : SharePointSite.CreateRequest(submissions, new Dictionary<string, object?>
            {
                ["Title"] = f.Key, [SharePointLists.CustomerNumber] = numbers[f.Key], ["ClaimedAt"] = ItemFields.Wire(now),
            })).ToList();
        BatchAnswer[] answers;
        try
        {
            answers = await batch.SendAsync(requests, ct);
        }
        catch
        {
            if (!await _numbers.GiveBackAsync(taken, CancellationToken.None)) LogNumberUnused(taken.Number);
            throw;
        }
        if (answers.All(a => !a.IsSuccess) && !await _numbers.GiveBackAsync(taken, CancellationToken.None)) LogNumberUnused(taken.Number);
        // 409/412: another import claimed a key of this batch meanwhile; it files it, and this call fails rather than file it twice.
        Require(answers);
    }

    /// <summary>What an import cut short wrote under numbers it never finished: contacts and history go, and are written again.</summary>
    async Task RemoveLeftoversAsync(IReadOnlyList<string> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0) return;
        foreach (var list in new[] { SharePointLists.Contacts, ChangeRecords })
        {
            var found = await QueryEachAsync(list, [.. numbers.Select(n => (SharePointLists.CustomerNumber, n))], top: SharePointSite.MaxPage, ct);
            var items = await site.ItemsAsync(list, ct);
            var deletes = found.SelectMany(f => f).Select(i => SharePointSite.DeleteRequest(items, i.Id, i.ETag)).ToList();
            var answers = await batch.SendAsync(deletes, ct);
            if (answers.FirstOrDefault(a => !a.IsSuccess && a.Status != 404) is { } failed) throw failed.Error();
        }
    }

    public async Task<IReadOnlyList<bool>> ImportContactsAsync(IReadOnlyList<ContactImport> contacts, CancellationToken ct = default)
    {
        if (contacts.Count == 0) return [];
        var numbers = contacts.Select(c => c.CustomerNumber).Distinct(StringComparer.Ordinal).ToList();
        var onFile = await QueryEachAsync(SharePointLists.Contacts, [.. numbers.Select(n => (SharePointLists.CustomerNumber, n))], top: SharePointSite.MaxPage, ct);
        var keys = onFile.SelectMany(f => f).Select(i => i.Text("ImportKey")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var stored = contacts.Select(c => keys.Add(c.Key)).ToList();   // a key given twice is filed once too
        var items = await site.ItemsAsync(SharePointLists.Contacts, ct);
        Require(await batch.SendAsync([.. contacts.Where((_, i) => stored[i])
            .Select(c => SharePointSite.CreateRequest(items, ImportedContactFields(c.CustomerNumber, c.Key, c.Contact)))], ct));
        return stored;
    }

    public async Task<IReadOnlyList<bool>> ImportEntriesAsync(IReadOnlyList<ArchiveEntry> entries, CancellationToken ct = default)
    {
        var items = await site.ItemsAsync(SharePointLists.ArchiveEntries, ct);
        var answers = await batch.SendAsync([.. entries.Select(e => SharePointSite.CreateRequest(items, EntryFields(e)))], ct);
        if (answers.FirstOrDefault(a => !a.IsSuccess && a.Status != 409) is { } failed) throw failed.Error();
        // Stored now or before (409: an import run again): the sales go to their owners' months, once per rep and month.
        var sales = entries.Where(e => RollupEdit.SaleOf(e) is not null).ToList();
        // Their owners: the files an import just filed or matched are remembered; the others are read twenty to a $batch.
        var unknown = sales.Select(e => e.CustomerNumber).Distinct(StringComparer.Ordinal).Where(n => seen.Get(n)?.Owner is null).ToList();
        if (unknown.Count > 0)
            foreach (var item in (await QueryEachAsync(Customers, [.. unknown.Select(n => (Number, n))], 2, ct)).SelectMany(i => i)) Remember(item);
        await rollups.ApplyAsync(sales.Select(e => RollupEdit.Sale(seen.Get(e.CustomerNumber)?.Owner
            ?? throw new KeyNotFoundException($"There is no customer {e.CustomerNumber}."), e)), ct);
        var once = new HashSet<string>(StringComparer.Ordinal);
        return [.. answers.Select((a, i) => a.IsSuccess && once.Add(entries[i].Id))];
    }

    static Dictionary<string, object?> ImportedContactFields(string number, string key, NewContact contact)
    {
        var fields = ContactFields(number, contact);
        fields["ImportKey"] = key;
        return fields;
    }

    /// <summary>One query per (column, value), twenty to a $batch, every page of each read: the items each query found, in order.</summary>
    async Task<List<ItemFields>[]> QueryEachAsync(ListDef list, IReadOnlyList<(string Column, string Value)> queries, int top, CancellationToken ct)
    {
        var items = await site.ItemsAsync(list, ct);
        var answers = await batch.SendAsync([.. queries.Select(q => SharePointSite.QueryRequest(items, ODataFilter.Eq(q.Column, q.Value), top))], ct);
        Require(answers);
        var found = new List<ItemFields>[answers.Length];
        for (var i = 0; i < answers.Length; i++) found[i] = await site.ReadAllAsync(items, answers[i], ct);
        return found;
    }

    static void Require(IEnumerable<BatchAnswer> answers)
    {
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed) throw failed.Error();
    }
}
