using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using TeamsCrm.Bot.Domain;
using static TeamsCrm.Bot.Archive.SharePoint.CustomerFields;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Customer files in SharePoint lists through Graph, with the semantics of the SQLite archive (the contract tests
/// run on both). Every query filters on one indexed column and a second condition (not purged, exact case) is
/// checked here after fetching; results are sorted here, after a query an index bounds. Creating is in the .Create
/// file, updating in .Update, what is filed under a customer in .Records.
/// </summary>
sealed partial class SharePointCustomerFiles(SharePointSite site, GraphBatch batch, CustomerItems seen, SharePointMonthlyRollups rollups, TimeProvider clock,
    ILogger<SharePointCustomerFiles> log) : ICustomerFiles
{
    static readonly ListDef Customers = SharePointLists.Customers;
    static readonly string Purged = nameof(CustomerStatus.Purged);

    readonly NumberCounter _numbers = new(site);

    /// <summary>One call: a query on the indexed, unique Number column.</summary>
    public async Task<Customer?> GetAsync(string number, CancellationToken ct = default) =>
        Single(await site.QueryAsync(Customers, ODataFilter.Eq(Number, number), ct, top: 2), number);

    /// <summary>
    /// One round trip: a $batch with the customer's query and the three queries of what is filed under it, each on
    /// one indexed column (Number, CustomerNumber). A customer with more than 5,000 records of one kind costs one call
    /// per further page.
    /// </summary>
    public async Task<CustomerFile?> GetFileAsync(string number, CancellationToken ct = default)
    {
        var queries = await FileQueriesAsync(number, ct);
        return await ReadFileAsync(number, queries, await batch.SendAsync([.. queries.Select(q => q.Request())], ct), ct);
    }

    /// <summary>The file's queries: the customer, then its contacts, archive entries and change records (<see cref="SharePointWholeFiles"/> sends them too).</summary>
    internal async Task<BatchQuery[]> FileQueriesAsync(string number, CancellationToken ct) =>
    [
        new(await site.ItemsAsync(Customers, ct), ODataFilter.Eq(Number, number), 2),
        .. await Task.WhenAll(new[] { SharePointLists.Contacts, SharePointLists.ArchiveEntries, SharePointLists.ChangeRecords }
            .Select(async list => new BatchQuery(await site.ItemsAsync(list, ct), ODataFilter.Eq(SharePointLists.CustomerNumber, number)))),
    ];

    /// <summary>The file from the answers to <see cref="FileQueriesAsync"/>, in that order; null when there is no such customer.</summary>
    internal async Task<CustomerFile?> ReadFileAsync(string number, IReadOnlyList<BatchQuery> queries, IReadOnlyList<BatchAnswer> answers, CancellationToken ct)
    {
        var pages = new List<ItemFields>[queries.Count];
        for (var i = 0; i < queries.Count; i++) pages[i] = await queries[i].ReadAsync(site, answers[i], ct);
        if (Single(pages[0], number) is not { } customer) return null;
        return new CustomerFile(customer, ReadContacts(pages[1]), ReadEntries(pages[2]), ReadHistory(pages[3]));
    }

    public async Task<IReadOnlyList<FileBeforeVisit>> BeforeVisitsAsync(IReadOnlyList<string> numbers, int latestVisits, CancellationToken ct = default)
    {
        var distinct = numbers.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return [];
        var (customers, contacts, entries, visits) = (await site.ItemsAsync(Customers, ct), await site.ItemsAsync(SharePointLists.Contacts, ct),
            await site.ItemsAsync(SharePointLists.ArchiveEntries, ct), await site.ItemsAsync(SharePointLists.Visits, ct));
        var queries = distinct.SelectMany(n => new (ItemsRequestBuilder Items, string Filter, int Top)[]
        {
            (customers, ODataFilter.Eq(Number, n), 2), (contacts, ODataFilter.Eq(SharePointLists.CustomerNumber, n), SharePointSite.MaxPage),
            (entries, ODataFilter.Eq(SharePointLists.CustomerNumber, n), SharePointSite.MaxPage),
            (visits, ODataFilter.Eq(SharePointLists.CustomerNumber, n), SharePointSite.MaxPage),
        }).ToList();
        var answers = await batch.SendAsync([.. queries.Select(q => SharePointSite.QueryRequest(q.Items, q.Filter, q.Top))], ct);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed) throw failed.Error();
        var files = new List<FileBeforeVisit>();
        for (var k = 0; k < distinct.Count; k++)
        {
            var pages = new List<ItemFields>[4];
            for (var i = 0; i < 4; i++) pages[i] = await site.ReadAllAsync(queries[4 * k + i].Items, answers[4 * k + i], ct);
            if (Single(pages[0], distinct[k]) is not { Status: not CustomerStatus.Purged } customer) continue;
            var last = pages[3].Where(v => v.Text(SharePointLists.CustomerNumber) == distinct[k]).Select(VisitItems.Read).Where(v => !v.IsWithdrawn)
                .OrderByDescending(v => v.Time.UtcTicks).ThenByDescending(v => v.Id, StringComparer.Ordinal).Take(Math.Max(0, latestVisits)).ToList();
            files.Add(new FileBeforeVisit(customer, ReadContacts(pages[1]), ReadEntries(pages[2]), last));
        }
        return files;
    }

    static bool Listed(ItemFields item) => item.Text(Status) != Purged;

    /// <summary>By normalised name, then number, in ordinal order (SharePoint's collation may sort otherwise).</summary>
    List<Customer> ByName(IEnumerable<ItemFields> items) =>
        [.. items.OrderBy(i => i.Text(NormalizedName), StringComparer.Ordinal).ThenBy(i => i.Text(Number), StringComparer.Ordinal).Select(Remember)];

    /// <summary>SharePoint's eq ignores case; a registration number is matched exactly, as SQLite does.</summary>
    Customer? Single(IEnumerable<ItemFields> items, string number) =>
        items.FirstOrDefault(i => i.Text(Number) == number) is { } item ? Remember(item) : null;

    /// <summary>Every item read or written is remembered (<see cref="CustomerItems"/>): an update or a filing then needs no query first.</summary>
    Customer Remember(ItemFields item)
    {
        var customer = Read(item);
        seen.Saw(customer.Number, CustomerItem.Of(item));
        return customer;
    }

    /// <summary>The customer's item as last seen, or read by one query; null when there is no such customer.</summary>
    async Task<CustomerItem?> ItemAsync(string number, CancellationToken ct) =>
        seen.Get(number) ?? (await GetAsync(number, ct) is null ? null : seen.Get(number));

    async Task<string?> ItemIdAsync(string number, CancellationToken ct) => (await ItemAsync(number, ct))?.Id;

    /// <summary>Nothing is filed under a customer that does not exist (SQLite's foreign keys refuse it too).</summary>
    async Task RequireCustomerAsync(string number, CancellationToken ct)
    {
        if (await ItemIdAsync(number, ct) is null) throw new KeyNotFoundException($"There is no customer {number}.");
    }
}
