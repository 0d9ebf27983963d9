using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Rebuilding a rep's rollups from the records, each read on one indexed column: the rep's rollups (startswith Title),
/// the rep's customers (Owner), their archive entries (CustomerNumber, twenty customers to a $batch) and the rep's visits
/// (startswith RepDate, a year per query: a rep's every visit could pass the 5,000 items one query may match). Every month that differs is written whole with If-Match on the eTag read first, so a live write
/// between the reads and the writes (412, or 409 for a month created meanwhile) makes the rep's rebuild start again.
/// </summary>
sealed partial class SharePointMonthlyRollups
{
    public async Task<int> RebuildAsync(string repAadObjectId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The rollups first: a write after this read moves their eTags, and the writes below then fail and start again.
            var stored = (await QueryAsync([ODataFilter.StartsWith("Title", RollupKeys.RepPrefix(repAadObjectId))], ct))
                .Where(i => string.Equals(i.Rollup.RepAadObjectId, repAadObjectId, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(i => RollupKeys.Of(i.Rollup.RepAadObjectId, i.Rollup.Month), StringComparer.Ordinal);
            var rebuilt = MonthRollups.From(await SalesAsync(repAadObjectId, ct), await VisitsAsync(repAadObjectId, ct))
                .ToDictionary(r => RollupKeys.Of(r.RepAadObjectId, r.Month), StringComparer.Ordinal);

            var items = await site.ItemsAsync(List, ct);
            var writes = rebuilt.Keys.Union(stored.Keys, StringComparer.Ordinal)
                .Select(key => (Key: key, Known: stored.GetValueOrDefault(key),
                    Next: rebuilt.GetValueOrDefault(key) ?? stored[key].Rollup with { Sales = new Dictionary<string, RolledSale>(), Unsuccessful = new Dictionary<string, Domain.Visits.UnsuccessfulReason>() }))
                .Where(w => w.Known is null || !w.Next.SameAs(w.Known.Rollup)).ToList();
            var answers = await batch.SendAsync([.. writes.Select(w => w.Known is null
                ? SharePointSite.CreateRequest(items, RollupItems.Fields(w.Next))
                : SharePointSite.UpdateRequest(items, w.Known.Id, w.Known.ETag, RollupItems.Fields(w.Next)))], ct);
            for (var i = 0; i < writes.Count; i++)
                if (answers[i].IsSuccess) Remember(writes[i].Key, answers[i].Item(), writes[i].Known?.Id, writes[i].Next);
                else _seen.TryRemove(writes[i].Key, out _);
            if (answers.FirstOrDefault(a => !a.IsSuccess && a.Status is not (409 or 412)) is { } failed) throw failed.Error();
            if (answers.All(a => a.IsSuccess) || attempt == MaxAttempts)
                return answers.All(a => a.IsSuccess) ? rebuilt.Count
                    : throw new InvalidOperationException($"The rollups of {repAadObjectId} kept changing under {MaxAttempts} rebuilds.");
        }
    }

    /// <summary>The contracts and orders of every file the rep owns (purged files have none left), twenty files to a $batch.</summary>
    async Task<IEnumerable<(string Owner, ArchiveEntry Entry)>> SalesAsync(string rep, CancellationToken ct)
    {
        var numbers = (await site.QueryAsync(SharePointLists.Customers, ODataFilter.Eq(CustomerFields.Owner, rep), ct))
            .Where(i => string.Equals(i.Text(CustomerFields.Owner), rep, StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Text(CustomerFields.Number)!).ToList();
        return (await targets.SalesAsync(numbers, DateOnly.MinValue, DateOnly.MaxValue, ct)).Select(e => (rep, e));
    }

    /// <summary>Visits are saved from 2000 (<see cref="FirstYear"/>) to next year at the latest (a day in a far zone).</summary>
    async Task<List<Domain.Visits.Visit>> VisitsAsync(string rep, CancellationToken ct)
    {
        var items = await site.ItemsAsync(SharePointLists.Visits, ct);
        var years = Enumerable.Range(FirstYear, clock.GetUtcNow().Year + 2 - FirstYear);
        var answers = await batch.SendAsync([.. years.Select(y => SharePointSite.QueryRequest(items,
            ODataFilter.StartsWith(VisitItems.RepDate, VisitItems.RepPrefix(rep) + y.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)), SharePointSite.MaxPage))], ct);
        var visits = new List<Domain.Visits.Visit>();
        foreach (var answer in answers)
        {
            if (!answer.IsSuccess) throw answer.Error();
            visits.AddRange((await site.ReadAllAsync(items, answer, ct)).Select(VisitItems.Read)
                .Where(v => string.Equals(v.RepAadObjectId, rep, StringComparison.OrdinalIgnoreCase)));
        }
        return visits;
    }

    const int FirstYear = 2000;
}
