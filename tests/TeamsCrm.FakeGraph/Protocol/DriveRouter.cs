using System.Globalization;
using TeamsCrm.FakeGraph.Handlers;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// Paths below /drives/{drive}: the drive, its list (the library's list routes), and its items addressed by id or by
/// path. Graph's path form puts the path between colons: <c>root:/A/B/c.pdf:</c> or <c>items/{parent}:/c.pdf:</c>,
/// and the closing colon is needed before another segment (<c>…:/content</c>); each segment arrives percent-decoded.
/// </summary>
internal static class DriveRouter
{
    public static (RouteKind Kind, Func<Task<GraphResponse>> Handle) Match(GraphRequest r, GraphContext g, string driveId, string[] rest)
    {
        if (rest is []) return r.Method.Equals("GET", StringComparison.OrdinalIgnoreCase)
            ? GraphRouter.Sync(RouteKind.GetDrive, () => DriveHandlers.Get(g, driveId)) : GraphRouter.NotAllowed(r);
        // /drives/{d}/list/… is the library's list: the same routes, rules and counters as /sites/{s}/lists/{l}/….
        if (rest is ["list", .. var listRest])
            return g.Store.FindDrive(driveId) is { } library
                ? GraphRouter.MatchSite(r, g, library.SiteId, ["lists", library.List.Id, .. listRest])
                : (RouteKind.GetList, () => throw MissingDrive(driveId));
        if (Address(rest) is not var (address, remainder)) return GraphRouter.Unknown(r);
        return MatchItem(r, g, driveId, address, remainder);
    }

    /// <summary>/sites/{s}/lists/{l}/items/{id}/driveItem[/…]: the file or folder behind a library's list item.</summary>
    public static (RouteKind Kind, Func<Task<GraphResponse>> Handle) MatchListItem(GraphRequest r, GraphContext g, string site, string list, string listItemId, string[] rest)
    {
        var drive = g.Store.FindList(site, list)?.Drive;
        var driveItemId = drive is not null && int.TryParse(listItemId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? drive.Read(() => drive.ByListItem(id)?.Id) : null;
        if (drive is null || driveItemId is null)
            return (RouteKind.GetDriveItem, () => throw GraphError.NotFound("This list item has no drive item."));
        return MatchItem(r, g, drive.Id, DriveAddress.ById(driveItemId), rest);
    }

    static (RouteKind Kind, Func<Task<GraphResponse>> Handle) MatchItem(GraphRequest r, GraphContext g, string driveId, DriveAddress a, string[] rest)
    {
        var m = r.Method.ToUpperInvariant();
        (RouteKind, Func<Task<GraphResponse>>) On(RouteKind kind, Func<FakeDrive, GraphResponse> handle) =>
            (kind, () => Task.FromResult(handle(g.RequireDrive(driveId))));
        (RouteKind, Func<Task<GraphResponse>>) OnAsync(RouteKind kind, Func<FakeDrive, Task<GraphResponse>> handle) =>
            (kind, () => handle(g.RequireDrive(driveId)));

        return (rest, m) switch
        {
            ([], "GET") => On(RouteKind.GetDriveItem, d => DriveItemHandlers.Get(g, r, d, a)),
            ([], "PATCH") => On(RouteKind.UpdateDriveItem, d => DriveItemHandlers.Update(g, r, d, a)),
            ([], "DELETE") or (["permanentDelete"], "POST") => On(RouteKind.DeleteDriveItem, d => DriveItemHandlers.Delete(d, r, a)),
            (["children"], "GET") => On(RouteKind.ListChildren, d => DriveItemHandlers.Children(g, r, d, a)),
            (["children"], "POST") => On(RouteKind.CreateFolder, d => DriveItemHandlers.CreateFolder(g, r, d, a)),
            (["content"], "GET") => On(RouteKind.DownloadRedirect, d => ContentHandlers.Redirect(g, r, d, a)),
            (["content"], "PUT") => OnAsync(RouteKind.UploadContent, d => ContentHandlers.PutAsync(g, r, d, a)),
            (["createUploadSession"], "POST") => On(RouteKind.CreateUploadSession, d => UploadSessionHandlers.Create(g, r, d, a)),
            (["listItem"], "GET") => On(RouteKind.GetItem, d => DriveItemHandlers.ListItem(r, d, a)),
            ([] or ["children" or "content" or "createUploadSession" or "listItem" or "permanentDelete"], _) => GraphRouter.NotAllowed(r),
            _ => GraphRouter.Unknown(r),
        };
    }

    /// <summary>
    /// Splits "root", "root:/A/b.pdf:", "items/{id}" and "items/{id}:/A/b.pdf:" from what follows. Without a closing
    /// colon the path runs to the end (Graph accepts <c>root:/A/b.pdf</c> when nothing follows).
    /// </summary>
    static (DriveAddress Address, string[] Remainder)? Address(string[] rest)
    {
        switch (rest)
        {
            case ["root", .. var after]: return (DriveAddress.ById("root"), after);
            case ["root:", .. var path]: return WithPath("root", path);
            case ["items", var id, .. var after] when !id.EndsWith(':'): return (DriveAddress.ById(id), after);
            case ["items", var id, .. var path]: return WithPath(id.TrimEnd(':'), path);
            default: return null;
        }
    }

    static (DriveAddress, string[]) WithPath(string baseId, string[] segments)
    {
        var close = Array.FindIndex(segments, s => s.EndsWith(':'));
        var end = close < 0 ? segments.Length : close + 1;
        var path = segments[..end].Select(s => s.TrimEnd(':')).Where(s => s.Length > 0).ToList();
        return (new DriveAddress(baseId, path), segments[end..]);
    }

    static GraphError MissingDrive(string driveId) => GraphError.NotFound($"Drive '{driveId}' does not exist.");
}
