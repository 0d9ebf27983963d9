using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using Microsoft.Kiota.Abstractions;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>One list query of a $batch: the list's items, what it filters on, its page size and sort; its answer is read with every page after it.</summary>
sealed record BatchQuery(ItemsRequestBuilder Items, string Filter, int Top = SharePointSite.MaxPage, string? OrderBy = null)
{
    public RequestInformation Request() => SharePointSite.QueryRequest(Items, Filter, Top, OrderBy);

    public Task<List<ItemFields>> ReadAsync(SharePointSite site, BatchAnswer answer, CancellationToken ct, Func<List<ItemFields>, bool>? enough = null) =>
        site.ReadAllAsync(Items, answer.IsSuccess ? answer : throw answer.Error(), ct, enough);
}
