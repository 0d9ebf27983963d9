using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using TeamsCrm.Bot.Domain;
using static TeamsCrm.Bot.Archive.SharePoint.CustomerFields;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>Finding files: by name, phone, credit code, owner, status, and a reader's search with their access grants.</summary>
sealed partial class SharePointCustomerFiles
{
    const string Grantee = "Grantee";

    /// <summary>
    /// One round trip: the search's queries (one, or the four of a name) and the query of the reader's grants on the indexed
    /// Grantee, in one $batch. SharePoint's eq ignores case, as the grantee is matched here too.
    /// </summary>
    public async Task<FoundFiles> FindForAsync(CustomerQuery query, string readerAadObjectId, CancellationToken ct = default)
    {
        var items = await site.ItemsAsync(Customers, ct);
        var (search, read) = query.Kind switch
        {
            CustomerQueryKind.Number => ByNumber(items, query.Text, ct),
            CustomerQueryKind.Phone => ExactlyOn(items, NormalizedPhone, CustomerNames.NormalizePhone(query.Text), ct),
            _ => ByPrefix(items, CustomerNames.Normalize(query.Text), query.Max, ct),
        };
        var grants = new BatchQuery(await site.ItemsAsync(SharePointLists.AccessGrants, ct), ODataFilter.Eq(Grantee, readerAadObjectId));
        var owners = query.AlsoOwnedBy.Select(o => new BatchQuery(items, ODataFilter.Eq(Owner, o))).ToList();
        var answers = await batch.SendAsync([.. search.Append(grants).Concat(owners).Select(q => q.Request())], ct);
        var mine = (await grants.ReadAsync(site, answers[search.Length], ct))
            .Where(i => string.Equals(i.Text(Grantee), readerAadObjectId, StringComparison.OrdinalIgnoreCase));
        var owned = new List<Customer>();
        for (var i = 0; i < owners.Count; i++)
            owned.AddRange(ByName((await owners[i].ReadAsync(site, answers[search.Length + 1 + i], ct)).Where(Listed)));
        return new FoundFiles(await read(answers[..search.Length]), Grants(mine), owned);
    }

    /// <summary>The query on the indexed, unique Number and how to read its answer: the live or deleted file, never a purged one.</summary>
    (BatchQuery[] Queries, Func<BatchAnswer[], Task<List<Customer>>> Read) ByNumber(ItemsRequestBuilder items, string number, CancellationToken ct)
    {
        var query = new BatchQuery(items, ODataFilter.Eq(Number, number), 2);
        return ([query], async answers => Single(await query.ReadAsync(site, answers[0], ct), number) is { Status: not CustomerStatus.Purged } one ? [one] : []);
    }

    /// <summary>
    /// startswith on the indexed normalised name and on each alias column (one indexed column each: SharePoint refuses a
    /// top-level "or" on a big list), the four queries in one $batch, each sorted on its column and read page by page
    /// until its first max are settled (a later value sorts after the max-th, so no tie or purged file can still come
    /// before it). Pages hold half as many again as asked for, so that the first one is nearly always enough. A file
    /// found only by an alias ranks by its name among the rest. A prefix matching more than 5,000 files is refused by
    /// SharePoint's list view threshold; typing one more character narrows it.
    /// </summary>
    public async Task<IReadOnlyList<Customer>> FindByNamePrefixAsync(string prefix, int max, CancellationToken ct = default)
    {
        var (queries, read) = ByPrefix(await site.ItemsAsync(Customers, ct), CustomerNames.Normalize(prefix), max, ct);
        return queries.Length == 0 ? [] : await read(await batch.SendAsync([.. queries.Select(q => q.Request())], ct));
    }

    /// <summary>The queries of a name search and how to read their answers (none when there is nothing to search for).</summary>
    (BatchQuery[] Queries, Func<BatchAnswer[], Task<List<Customer>>> Read) ByPrefix(ItemsRequestBuilder items, string p, int max, CancellationToken ct)
    {
        if (p.Length == 0 || max <= 0) return ([], _ => Task.FromResult(new List<Customer>()));
        string[] columns = [NormalizedName, .. NormalizedAliases];
        bool Matches(ItemFields i, string column) => Listed(i) && (i.Text(column) ?? "").StartsWith(p, StringComparison.Ordinal);
        Func<List<ItemFields>, bool> Settled(string column) => got =>
        {
            var values = got.Where(i => Matches(i, column)).Select(i => i.Text(column)!).Order(StringComparer.Ordinal).ToList();
            return values.Count >= max && string.CompareOrdinal(got[^1].Text(column), values[max - 1]) > 0;
        };
        var top = (int)Math.Min(max + max / 2L + 1, SharePointSite.MaxPage);
        BatchQuery[] queries = [.. columns.Select(c => new BatchQuery(items, ODataFilter.StartsWith(c, p), top, $"fields/{c}"))];
        return (queries, async answers =>
        {
            var found = new Dictionary<string, ItemFields>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
                foreach (var item in await queries[i].ReadAsync(site, answers[i], ct, Settled(columns[i])))
                    if (Matches(item, columns[i])) found.TryAdd(item.Text(Number)!, item);
            return ByName(found.Values).Take(max).ToList();
        });
    }

    /// <summary>The query on a normalised column (none when the value has no normal form) and how to read its answer.</summary>
    (BatchQuery[] Queries, Func<BatchAnswer[], Task<List<Customer>>> Read) ExactlyOn(ItemsRequestBuilder items, string column, string? value, CancellationToken ct)
    {
        if (value is null) return ([], _ => Task.FromResult(new List<Customer>()));
        var query = new BatchQuery(items, ODataFilter.Eq(column, value));
        return ([query], async answers => ByName((await query.ReadAsync(site, answers[0], ct)).Where(i => Listed(i) && i.Text(column) == value)));
    }

    public async Task<IReadOnlyList<Customer>> FindByPhoneAsync(string phone, CancellationToken ct = default) =>
        CustomerNames.NormalizePhone(phone) is { } p ? await FindAsync(NormalizedPhone, p, exact: true, ct) : [];

    public async Task<IReadOnlyList<Customer>> FindByCreditCodeAsync(string creditCode, CancellationToken ct = default) =>
        CustomerNames.NormalizeCreditCode(creditCode) is { } p ? await FindAsync(NormalizedCreditCode, p, exact: true, ct) : [];

    /// <summary>Owner ids compare without case, as Entra object ids (and SharePoint's eq) do.</summary>
    public async Task<IReadOnlyList<Customer>> ListByOwnerAsync(string ownerAadObjectId, CancellationToken ct = default) =>
        await FindAsync(Owner, ownerAadObjectId, exact: false, ct);

    public async Task<IReadOnlyList<Customer>> ListDeletedAsync(CancellationToken ct = default) =>
        await FindAsync(Status, nameof(CustomerStatus.Deleted), exact: true, ct);

    /// <summary>Finders never return purged files; deleted ones they do, and their status says so.</summary>
    async Task<List<Customer>> FindAsync(string column, string value, bool exact, CancellationToken ct)
    {
        var items = await site.QueryAsync(Customers, ODataFilter.Eq(column, value), ct);
        return ByName(items.Where(i => Listed(i) && (!exact || i.Text(column) == value)));
    }
}
