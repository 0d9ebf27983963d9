using System.Text.Json;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Graph answers a query one page at a time and says where the next one is in @odata.nextLink; a page can be short
/// (or even empty) before the end, so only the missing link means the end.
/// </summary>
public static class GraphPaging
{
    /// <summary>Reads the items of a collection page and returns its nextLink, if any.</summary>
    public static string? ReadPage(JsonElement page, List<ItemFields> into)
    {
        if (page.TryGetProperty("value", out var values))
            foreach (var item in values.EnumerateArray()) into.Add(ItemFields.Parse(item));
        return page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
    }

    /// <summary>
    /// Adds the items of <paramref name="first"/> and of every page after it to <paramref name="into"/>; stops early when
    /// <paramref name="enough"/> says the caller has what it needs.
    /// </summary>
    public static async Task FollowAsync(JsonDocument? first, List<ItemFields> into, Func<string, Task<JsonDocument?>> fetch,
        Func<List<ItemFields>, bool>? enough = null)
    {
        var page = first;
        while (page is not null)
        {
            string? next;
            using (page) next = ReadPage(page.RootElement, into);
            if (next is null || enough?.Invoke(into) == true) return;
            page = await fetch(next);
        }
    }
}
