using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// The archive's lists on one site, through the Graph SDK: requests are built by the SDK's request builders and sent
/// by its adapter (so its retry handler honours 429/503 with Retry-After), answers are read as raw JSON
/// (<see cref="ItemFields"/>). Lists are addressed by id, looked up by display name once.
/// </summary>
public sealed class SharePointSite(GraphServiceClient graph, string siteId)
{
    /// <summary>Graph serves at most 5,000 list items a page; the archive's queries are bounded by an index anyway.</summary>
    public const int MaxPage = 5000;

    static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    readonly SemaphoreSlim _resolving = new(1, 1);
    IReadOnlyDictionary<string, string>? _listIds;

    public GraphServiceClient Graph { get; } = graph;
    public string SiteId { get; } = siteId;

    public async Task<ItemsRequestBuilder> ItemsAsync(ListDef list, CancellationToken ct) => Graph.Sites[SiteId].Lists[await ListIdAsync(list, ct)].Items;

    /// <summary>Display name → list id, read once. A missing list is a deployment error: provisioning was not run.</summary>
    public async Task<string> ListIdAsync(ListDef list, CancellationToken ct)
    {
        var ids = _listIds ?? await ResolveListIdsAsync(ct);
        if (!ids.TryGetValue(list.Name, out var id))
        {
            _listIds = null;   // look again next time: it may have been provisioned since
            throw new InvalidOperationException($"The SharePoint list '{list.Name}' does not exist on site {SiteId}. " +
                "Create the lists with: dotnet run --project bot/TeamsCrm.Bot -- provision");
        }
        return id;
    }

    /// <summary>After provisioning: the next call looks the lists up again.</summary>
    public void ForgetLists() => _listIds = null;

    async Task<IReadOnlyDictionary<string, string>> ResolveListIdsAsync(CancellationToken ct)
    {
        await _resolving.WaitAsync(ct);
        try
        {
            return _listIds ??= await ReadListIdsAsync(ct);
        }
        finally { _resolving.Release(); }
    }

    /// <summary>Every list on the site now: display name (without case) → id.</summary>
    public async Task<Dictionary<string, string>> ReadListIdsAsync(CancellationToken ct)
    {
        var lists = Graph.Sites[SiteId].Lists;
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var page = await lists.GetAsync(c => c.QueryParameters.Select = ["id", "displayName"], ct);
        while (page is not null)
        {
            foreach (var l in page.Value ?? []) if (l is { DisplayName: { } name, Id: { } id }) ids[name] = id;
            page = page.OdataNextLink is { } next ? await lists.WithUrl(next).GetAsync(cancellationToken: ct) : null;
        }
        return ids;
    }

    public static RequestInformation QueryRequest(ItemsRequestBuilder items, string filter, int top, string? orderBy = null) =>
        items.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Filter = filter;
            c.QueryParameters.Expand = ["fields"];
            c.QueryParameters.Top = top;
            if (orderBy is not null) c.QueryParameters.Orderby = [orderBy];
        });

    public static RequestInformation CreateRequest(ItemsRequestBuilder items, IReadOnlyDictionary<string, object?> fields) =>
        items.ToPostRequestInformation(new ListItem { Fields = FieldSet(fields) });

    public static RequestInformation UpdateRequest(ItemsRequestBuilder items, string id, string eTag, IReadOnlyDictionary<string, object?> fields) =>
        items[id].Fields.ToPatchRequestInformation(FieldSet(fields), c => c.Headers.Add("If-Match", eTag));

    public static RequestInformation DeleteRequest(ItemsRequestBuilder items, string id, string eTag) =>
        items[id].ToDeleteRequestInformation(c => c.Headers.Add("If-Match", eTag));

    /// <summary>Every item the filter matches, following @odata.nextLink to the end (or until <paramref name="enough"/> says so).</summary>
    public async Task<List<ItemFields>> QueryAsync(ListDef list, string filter, CancellationToken ct, int top = MaxPage, string? orderBy = null,
        Func<List<ItemFields>, bool>? enough = null)
    {
        var items = await ItemsAsync(list, ct);
        var found = new List<ItemFields>();
        var page = await SendAsync(QueryRequest(items, filter, top, orderBy), ct);
        await GraphPaging.FollowAsync(page, found, next => SendAsync(items.WithUrl(next).ToGetRequestInformation(), ct), enough);
        return found;
    }

    /// <summary>The items of a query a $batch answered, with every page after it, or until <paramref name="enough"/> says so.</summary>
    public async Task<List<ItemFields>> ReadAllAsync(ItemsRequestBuilder items, BatchAnswer answer, CancellationToken ct,
        Func<List<ItemFields>, bool>? enough = null)
    {
        var found = new List<ItemFields>();
        if (GraphPaging.ReadPage(answer.Body ?? throw answer.Error(), found) is { } next && enough?.Invoke(found) != true)
            await GraphPaging.FollowAsync(await SendAsync(items.WithUrl(next).ToGetRequestInformation(), ct), found,
                link => SendAsync(items.WithUrl(link).ToGetRequestInformation(), ct), enough);
        return found;
    }

    public async Task<ItemFields?> FindAsync(ListDef list, string column, string value, CancellationToken ct) =>
        (await QueryAsync(list, ODataFilter.Eq(column, value), ct, top: 2)).FirstOrDefault();

    public async Task<ItemFields?> GetAsync(ListDef list, string id, CancellationToken ct)
    {
        var items = await ItemsAsync(list, ct);
        try
        {
            using var json = await SendAsync(items[id].ToGetRequestInformation(c => c.QueryParameters.Expand = ["fields"]), ct);
            return ItemFields.Parse(json!.RootElement);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404) { return null; }
    }

    /// <summary>201 → the new item. A duplicate in a unique column throws an <see cref="ODataError"/> with status 409.</summary>
    public async Task<ItemFields> CreateAsync(ListDef list, IReadOnlyDictionary<string, object?> fields, CancellationToken ct)
    {
        using var json = await SendAsync(CreateRequest(await ItemsAsync(list, ct), fields), ct);
        return ItemFields.Parse(json!.RootElement);
    }

    /// <summary>Changes only the given fields if the item is still at <paramref name="eTag"/>; a stale one → 412.</summary>
    public async Task<ItemFields> UpdateAsync(ListDef list, string id, string eTag, IReadOnlyDictionary<string, object?> fields, CancellationToken ct)
    {
        using var json = await SendAsync(UpdateRequest(await ItemsAsync(list, ct), id, eTag, fields), ct);
        var saved = ItemFields.Parse(json!.RootElement);
        return saved.Id.Length > 0 ? saved : new ItemFields(saved.ETag, saved.Values, id);
    }

    public async Task DeleteAsync(ListDef list, string id, string eTag, CancellationToken ct)
    {
        var request = DeleteRequest(await ItemsAsync(list, ct), id, eTag);
        await Unwrapped(() => Graph.RequestAdapter.SendNoContentAsync(request, Errors, ct));
    }

    Task<JsonDocument?> SendAsync(RequestInformation request, CancellationToken ct) => Unwrapped(async () =>
    {
        await using var stream = await Graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, ct);
        return stream is null ? null : await JsonDocument.ParseAsync(stream, cancellationToken: ct);
    });

    /// <summary>
    /// When the retry handler runs out of retries it throws an AggregateException of every attempt's failure; the last
    /// one says what happened, as an ApiException with its status, like any other failure.
    /// </summary>
    public static async Task<T> Unwrapped<T>(Func<Task<T>> send)
    {
        try { return await send(); }
        catch (AggregateException e) when (e.InnerExceptions.LastOrDefault() is ApiException last) { throw last; }
    }

    public static Task Unwrapped(Func<Task> send) => Unwrapped(async () => { await send(); return true; });

    static FieldValueSet FieldSet(IReadOnlyDictionary<string, object?> fields) =>
        new() { AdditionalData = fields.ToDictionary(f => f.Key, f => f.Value!) };   // null clears a field

    public static bool Is(Exception e, int status) => e is ApiException api && api.ResponseStatusCode == status;
}
