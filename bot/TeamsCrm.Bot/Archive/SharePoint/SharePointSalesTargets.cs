using System.Globalization;
using System.Text.Json;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Sales targets in <see cref="SharePointLists.SalesTargets"/>: one item per month, found by its unique, indexed Title.
/// A save is one write: a create (a second creator of the month gets 409) or an update with If-Match (412 → read again:
/// if the sheet's version moved, someone else saved first). Sales are read from the Archive Entries list by the indexed
/// CustomerNumber, twenty customers per $batch round trip; type and date are checked here.
/// </summary>
sealed class SharePointSalesTargets(SharePointSite site, GraphBatch batch) : ISalesTargets
{
    const int MaxAttempts = 5;
    static readonly ListDef Sheets = SharePointLists.SalesTargets;
    const string Amounts = "Amounts", SetBy = "SetBy", SetAt = "SetAt", ApprovalId = "ApprovalId", SheetVersion = "SheetVersion";

    public async Task<TargetSheet?> GetAsync(YearMonth month, CancellationToken ct = default) =>
        await ReadAsync(month, ct) is { } item ? Read(month, item) : null;

    public async Task<TargetSheet> SaveAsync(TargetSheet sheet, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var item = await ReadAsync(sheet.Month, ct);
            var stored = item is null ? null : Read(sheet.Month, item);
            if ((stored?.Version ?? "") != sheet.Version) throw new TargetConflictException(stored ?? TargetSheet.Empty(sheet.Month));
            var next = stored is null ? 1 : long.Parse(stored.Version, CultureInfo.InvariantCulture) + 1;
            try
            {
                var saved = item is null
                    ? await site.CreateAsync(Sheets, Fields(sheet, next), ct)
                    : await site.UpdateAsync(Sheets, item.Id, item.ETag, Fields(sheet, next), ct);
                return Read(sheet.Month, saved);
            }
            catch (Exception e) when (SharePointSite.Is(e, 409) || SharePointSite.Is(e, 412))
            {
                // Someone wrote the month between the read and the write: read again; a moved version is a conflict.
            }
        }
        throw new InvalidOperationException($"The targets of {sheet.Month} kept changing under {MaxAttempts} attempts to save them.");
    }

    public async Task<IReadOnlyList<ArchiveEntry>> SalesAsync(IReadOnlyCollection<string> customerNumbers, DateOnly from, DateOnly to,
        CancellationToken ct = default)
    {
        var numbers = customerNumbers.Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0) return [];
        var items = await site.ItemsAsync(SharePointLists.ArchiveEntries, ct);
        var answers = await batch.SendAsync(
            [.. numbers.Select(n => SharePointSite.QueryRequest(items, ODataFilter.Eq(SharePointLists.CustomerNumber, n), SharePointSite.MaxPage))], ct);
        var found = new List<ArchiveEntry>();
        for (var i = 0; i < answers.Length; i++)
        {
            if (!answers[i].IsSuccess) throw answers[i].Error();
            // eq ignores case in SharePoint; a customer number is matched exactly.
            found.AddRange((await site.ReadAllAsync(items, answers[i], ct)).Select(SharePointCustomerFiles.ReadEntry)
                .Where(e => e.CustomerNumber == numbers[i]));
        }
        return [.. found.Where(e => SalesActuals.IsSale(e) && e.Date >= from && e.Date <= to).OrderBy(e => e.Date)];
    }

    async Task<ItemFields?> ReadAsync(YearMonth month, CancellationToken ct) =>
        (await site.QueryAsync(Sheets, ODataFilter.Eq("Title", month.ToString()), ct, top: 2)).FirstOrDefault();

    static Dictionary<string, object?> Fields(TargetSheet s, long version) => new()
    {
        ["Title"] = s.Month.ToString(),
        [Amounts] = JsonSerializer.Serialize(s.Amounts.ToDictionary(a => a.Key, a => a.Value.ToString(CultureInfo.InvariantCulture))),
        [SetBy] = s.SetByAadObjectId, [SetAt] = ItemFields.Wire(s.SetAt), [ApprovalId] = s.ApprovalId, [SheetVersion] = version,
    };

    static TargetSheet Read(YearMonth month, ItemFields i)
    {
        var amounts = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rep, amount) in JsonSerializer.Deserialize<Dictionary<string, string>>(i.Text(Amounts) ?? "{}") ?? [])
            amounts[rep] = decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture);
        return new TargetSheet
        {
            Month = month, Amounts = amounts, SetByAadObjectId = i.Text(SetBy) ?? "", SetAt = i.Time(SetAt) ?? default, ApprovalId = i.Text(ApprovalId),
            Version = (i.Integer(SheetVersion) ?? 0).ToString(CultureInfo.InvariantCulture),
        };
    }
}
