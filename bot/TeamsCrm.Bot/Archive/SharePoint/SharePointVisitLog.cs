using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Archive.SharePoint.VisitItems;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Visits, follow-ups and weekly plans in SharePoint lists through Graph, with the semantics of the SQLite visit log
/// (the contract tests run on both). Every query filters on one indexed column (SharePoint seeks one index and refuses
/// the rest past 5,000 items); the rep, the exact range and the order are settled here after fetching. Saving a visit
/// is in the .Save file, plans in .Plans, corrections in .Corrections.
/// </summary>
sealed partial class SharePointVisitLog(SharePointSite site, GraphBatch batch, CustomerItems customers, SharePointMonthlyRollups rollups,
    ILogger<SharePointVisitLog> log)
    : IVisitLog
{
    static readonly ListDef Visits = SharePointLists.Visits, FollowUps = SharePointLists.FollowUps;

    /// <summary>A day is one query (RepDate eq); a longer range one per calendar month it touches, in one $batch.</summary>
    public async Task<IReadOnlyList<Visit>> ForRepAsync(string repAadObjectId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        from > to ? [] : Chronological(InRange(await QueryAsync(Visits, [.. RepFilters(repAadObjectId, from, to)], ct), [repAadObjectId], from, to));

    /// <summary>
    /// One day of a team is one query on LocalDate (everyone's visits that day, the team kept here); otherwise each rep's
    /// month queries, all batched (20 to a round trip).
    /// </summary>
    public async Task<IReadOnlyList<Visit>> ForRepsAsync(IReadOnlyCollection<string> repAadObjectIds, DateOnly from, DateOnly to,
        CancellationToken ct = default)
    {
        var reps = repAadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (reps.Count == 0 || from > to) return [];
        List<string> filters = from == to && reps.Count > 1
            ? [ODataFilter.Eq(LocalDate, Day(from))]
            : [.. reps.SelectMany(rep => RepFilters(rep, from, to))];
        return Chronological(InRange(await QueryAsync(Visits, filters, ct), reps, from, to));
    }

    /// <summary>
    /// One query on CustomerNumber, every page of it, newest first here: SharePoint sorts only on the column it filters on.
    /// A customer with more than 5,000 visits would be refused by the threshold.
    /// </summary>
    public async Task<IReadOnlyList<Visit>> ForCustomerAsync(string customerNumber, int latest, CancellationToken ct = default) =>
        latest <= 0 ? [] : LatestOf(await site.QueryAsync(Visits, ODataFilter.Eq(SharePointLists.CustomerNumber, customerNumber), ct), customerNumber, latest);

    /// <summary>The customer's <paramref name="latest"/> visits among the items its query answered (eq ignores case: the number is matched here), withdrawn ones left out.</summary>
    internal static List<Visit> LatestOf(IEnumerable<ItemFields> items, string customerNumber, int latest) =>
        [.. items.Where(i => i.Text(SharePointLists.CustomerNumber) == customerNumber).Select(Read).Where(v => !v.IsWithdrawn)
            .OrderByDescending(v => v.Time.UtcTicks).ThenByDescending(v => v.Id, StringComparer.Ordinal).Take(Math.Max(0, latest))];

    /// <summary>One query on Due; by rep (without case, as SQLite's NOCASE column sorts), then in the order they were made.</summary>
    public async Task<IReadOnlyList<FollowUp>> FollowUpsDueAsync(DateOnly day, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(FollowUps, ODataFilter.Eq(Due, Day(day)), ct)).Select(ReadFollowUp)
            .OrderBy(f => f.RepAadObjectId, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.CreatedAt.UtcTicks).ThenBy(f => f.VisitId, StringComparer.Ordinal)];

    /// <summary>
    /// A rep's day is RepDate eq "rep|day"; a range is startswith "rep|yyyy-MM" per month, because an index bounds a
    /// prefix, while "ge 'rep|from' and le 'rep|to'" is bounded only by its first term, which also matches every rep after
    /// this one (past 5,000 items SharePoint refuses it). A month of one rep's visits stays far below the threshold.
    /// </summary>
    static IEnumerable<string> RepFilters(string rep, DateOnly from, DateOnly to)
    {
        var prefix = RepPrefix(rep);
        if (from == to)
        {
            yield return ODataFilter.Eq(RepDate, prefix + Day(from));
            yield break;
        }
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            yield return ODataFilter.StartsWith(RepDate, prefix + month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The items of those reps (without case) whose local day is in [from, to]: what the indexed query could not say exactly.</summary>
    static IEnumerable<Visit> InRange(IEnumerable<ItemFields> items, IReadOnlyCollection<string> reps, DateOnly from, DateOnly to)
    {
        var wanted = reps.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (first, last) = (Day(from), Day(to));
        return items.Where(i => i.Text(Rep) is { } rep && wanted.Contains(rep)
                && i.Text(LocalDate) is { } day && string.CompareOrdinal(day, first) >= 0 && string.CompareOrdinal(day, last) <= 0)
            .Select(Read).Where(v => !v.IsWithdrawn);
    }

    /// <summary>One query is a plain GET; several go in $batches, each answer followed through its nextLinks.</summary>
    async Task<List<ItemFields>> QueryAsync(ListDef list, IReadOnlyList<string> filters, CancellationToken ct)
    {
        if (filters.Count == 1) return await site.QueryAsync(list, filters[0], ct);
        var items = await site.ItemsAsync(list, ct);
        var answers = await batch.SendAsync([.. filters.Select(f => SharePointSite.QueryRequest(items, f, SharePointSite.MaxPage))], ct);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed) throw failed.Error();
        var found = new List<ItemFields>();
        foreach (var answer in answers) found.AddRange(await site.ReadAllAsync(items, answer, ct));
        return found;
    }
}
