using System.Globalization;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Query;

/// <summary>What GET …/items asked for, already read from the query string and headers.</summary>
public sealed record ItemQueryRequest(string? Filter, string? OrderBy, string? Top, string? SkipToken, bool HonorNonIndexed);

public sealed record ItemPage(IReadOnlyList<FakeItem> Items, string? NextSkipToken);

/// <summary>
/// Runs GET …/items the way SharePoint does, including its refusals:
/// <list type="bullet">
/// <item>a filter or sort on a column that is not indexed is refused (400) unless the request sends
///   Prefer: HonorNonIndexedQueriesWarningMayFailRandomly;</item>
/// <item>once the list holds more items than the list view threshold (5,000), a query must be driven by an index:
///   its first top-level "and" term that an index can seek (eq, lt, gt, le, ge, startswith on an indexed column) must
///   match no more than the threshold. Without such a term (no filter sorted on a non-indexed column, a filter on
///   non-indexed columns only, a top-level "or", only "ne"), or when that term matches more, the query is refused
///   as SharePoint's SPQueryThrottledException, which Graph answers with 429. A query without a filter, in id order
///   or sorted on an indexed column, pages through any number of items.</item>
/// </list>
/// </summary>
public static class ItemQuery
{
    public static ItemPage Run(FakeList list, ItemQueryRequest request, FakeGraphOptions options, Action<QueryRecord> record)
    {
        return list.Read((items, columns) =>
        {
            var filter = request.Filter is null ? null : FilterBinder.Bind(FilterParser.Parse(request.Filter), columns);
            var sort = OrderByParser.Parse(request.OrderBy, columns);
            var top = PageSize(request.Top, options);
            var driver = filter?.Conjuncts.FirstOrDefault(c => c.Seekable && c.Column is { Indexed: true });
            var entry = new QueryRecord(list.SiteId, list.DisplayName, request.Filter, request.OrderBy,
                Names(filter?.Columns ?? []), Names((filter?.Columns ?? []).Where(c => c.Indexed)), Names(sort.Select(s => s.Column)),
                driver?.Column?.Name, request.HonorNonIndexed, QueryOutcome.Served, 0, items.Count);

            var notIndexed = (filter?.Columns ?? []).Concat(sort.Select(s => s.Column)).FirstOrDefault(c => !c.Indexed);
            if (notIndexed is not null && !request.HonorNonIndexed)
            {
                record(entry with { Outcome = QueryOutcome.NotIndexed });
                throw GraphError.NotIndexed(notIndexed.FieldKey);
            }
            // An eq or a startswith on an indexed column reads only the items it matches, as SharePoint's index does.
            var candidates = driver switch
            {
                { Column: { } indexed, EqualTo: { } value } => list.ItemsEqualTo(indexed, value),
                { Column: { } indexed, Prefix: { } prefix } => list.ItemsStartingWith(indexed, prefix),
                _ => null,
            };
            if (items.Count > options.ListViewThreshold && !DrivenByIndex(candidates ?? items, filter, sort, driver, options.ListViewThreshold))
            {
                record(entry with { Outcome = QueryOutcome.OverThreshold });
                throw GraphError.ListViewThreshold(options.ListViewThreshold, options.ThresholdRetryAfterSeconds);
            }

            var matches = (filter is null ? items : (candidates ?? items).Where(filter.Matches)).ToList();
            var comparer = Comparer<FakeItem>.Create((a, b) => CompareItems(a, b, sort));
            matches.Sort(comparer);
            var start = 0;
            if (request.SkipToken is { } token)
            {
                var (lastId, lastKeys) = SkipToken.Decode(token, sort);
                start = matches.FindIndex(item => CompareToToken(item, sort, lastKeys, lastId) > 0);
                if (start < 0) start = matches.Count;
            }
            var page = matches.Skip(start).Take(top).Select(i => i.Copy()).ToList();
            var more = start + page.Count < matches.Count;
            record(entry with { Returned = page.Count });
            return new ItemPage(page, more && page.Count > 0 ? SkipToken.Encode(page[^1], sort) : null);
        });
    }

    static bool DrivenByIndex(IReadOnlyCollection<FakeItem> items, BoundFilter? filter, IReadOnlyList<SortKey> sort, Conjunct? driver, int threshold)
    {
        if (filter is null) return sort.All(s => s.Column.Indexed);
        if (driver is null) return false;
        var seen = 0;
        foreach (var item in items)
            if (driver.Matches(item) && ++seen > threshold) return false;
        return true;
    }

    /// <summary>$top sets the page size; Graph serves 200 by default and at most 5,000 however many are asked for.</summary>
    static int PageSize(string? top, FakeGraphOptions options)
    {
        if (top is null) return options.DefaultPageSize;
        if (!int.TryParse(top, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw GraphError.BadRequest($"Invalid $top value '{top}'.");
        return Math.Min(n, options.MaxPageSize);
    }

    static int CompareItems(FakeItem a, FakeItem b, IReadOnlyList<SortKey> sort)
    {
        foreach (var key in sort)
        {
            var c = FieldValues.Compare(a.ValueOf(key.Column), b.ValueOf(key.Column));
            if (c != 0) return key.Descending ? -c : c;
        }
        return a.Id.CompareTo(b.Id);
    }

    static int CompareToToken(FakeItem item, IReadOnlyList<SortKey> sort, object?[] keys, int id)
    {
        for (var i = 0; i < sort.Count; i++)
        {
            var c = FieldValues.Compare(item.ValueOf(sort[i].Column), keys[i]);
            if (c != 0) return sort[i].Descending ? -c : c;
        }
        return item.Id.CompareTo(id);
    }

    static IReadOnlyList<string> Names(IEnumerable<FakeColumn> columns) => columns.Select(c => c.Name).Distinct().ToList();
}
