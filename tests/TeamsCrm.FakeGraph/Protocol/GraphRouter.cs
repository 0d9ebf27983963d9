using TeamsCrm.FakeGraph.Handlers;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>Which handler answers a Graph path. Paths are matched on segments below /v1.0.</summary>
internal static class GraphRouter
{
    public static (RouteKind Kind, Func<Task<GraphResponse>> Handle) Match(GraphRequest r, GraphContext g)
    {
        var m = r.Method.ToUpperInvariant();
        var p = r.Path;
        if (p is ["$batch"]) return m == "POST" ? (RouteKind.Batch, () => BatchHandler.HandleAsync(r, g)) : NotAllowed(r);
        if (p is ["users", var user]) return m == "GET" ? Sync(RouteKind.GetUser, () => UserHandlers.Get(g, user)) : NotAllowed(r);
        if (p is ["users", var u, "manager"]) return m == "GET" ? Sync(RouteKind.GetManager, () => UserHandlers.Manager(g, u)) : NotAllowed(r);
        if (p is ["users", var mu, "mailboxSettings"])
            return m == "GET" ? Sync(RouteKind.GetMailboxSettings, () => UserHandlers.MailboxSettings(g, r, mu, repliesOnly: false)) : NotAllowed(r);
        if (p is ["users", var ru, "mailboxSettings", "automaticRepliesSetting"])
            return m == "GET" ? Sync(RouteKind.GetMailboxSettings, () => UserHandlers.MailboxSettings(g, r, ru, repliesOnly: true)) : NotAllowed(r);
        if (p is ["users", var du, "directReports"]) return m == "GET" ? Sync(RouteKind.GetUser, () => UserHandlers.DirectReports(g, r, du)) : NotAllowed(r);
        // The SDK casts with the short form (graph.user); Graph accepts both.
        if (p is ["groups", var group, "transitiveMembers", "microsoft.graph.user" or "graph.user"])
            return m == "GET" ? Sync(RouteKind.GetUser, () => UserHandlers.GroupUsers(g, r, group)) : NotAllowed(r);
        if (p is ["drives", var drive, ..]) return DriveRouter.Match(r, g, drive, [.. p.Skip(2)]);
        if (SitePath(p) is not (string site, string[] rest)) return Unknown(r);
        return MatchSite(r, g, site, rest);
    }

    /// <summary>Below /sites/{site}: lists, their columns and items, and the drives of document libraries.</summary>
    public static (RouteKind Kind, Func<Task<GraphResponse>> Handle) MatchSite(GraphRequest r, GraphContext g, string site, string[] rest)
    {
        var m = r.Method.ToUpperInvariant();
        return (rest, m) switch
        {
            ([], "GET") => Sync(RouteKind.GetSite, () => ListHandlers.GetSite(g, site)),
            (["drives"], "GET") => Sync(RouteKind.ListDrives, () => DriveHandlers.ForSite(g, r, site)),
            (["drives", var drive], "GET") => Sync(RouteKind.GetDrive, () => DriveHandlers.Get(g, drive)),
            (["lists"], "GET") => Sync(RouteKind.ListLists, () => ListHandlers.Find(g, r, site)),
            (["lists"], "POST") => Sync(RouteKind.CreateList, () => ListHandlers.Create(g, r, site)),
            (["lists", var list], "GET") => Sync(RouteKind.GetList, () => ListHandlers.Get(g, r, site, list)),
            (["lists", var list, "drive"], "GET") => Sync(RouteKind.GetDrive, () => DriveHandlers.OfList(g, site, list)),
            (["lists", var list, "columns"], "GET") => Sync(RouteKind.ListColumns, () => ColumnHandlers.All(g, site, list)),
            (["lists", var list, "columns"], "POST") => Sync(RouteKind.CreateColumn, () => ColumnHandlers.Create(g, r, site, list)),
            (["lists", var list, "columns", var col], "GET") => Sync(RouteKind.GetColumn, () => ColumnHandlers.Get(g, site, list, col)),
            (["lists", var list, "columns", var col], "PATCH") => Sync(RouteKind.UpdateColumn, () => ColumnHandlers.Update(g, r, site, list, col)),
            (["lists", var list, "items"], "GET") => Sync(RouteKind.QueryItems, () => ItemHandlers.Query(g, r, site, list)),
            (["lists", var list, "items"], "POST") => Sync(RouteKind.CreateItem, () => ItemHandlers.Create(g, r, site, list)),
            (["lists", var list, "items", var id], "GET") => Sync(RouteKind.GetItem, () => ItemHandlers.Get(g, r, site, list, id, fieldsOnly: false)),
            (["lists", var list, "items", var id], "PATCH") => Sync(RouteKind.UpdateItem, () => ItemHandlers.Update(g, r, site, list, id, fieldsOnly: false)),
            (["lists", var list, "items", var id], "DELETE") => Sync(RouteKind.DeleteItem, () => ItemHandlers.Delete(g, r, site, list, id)),
            (["lists", var list, "items", var id, "fields"], "GET") => Sync(RouteKind.GetItem, () => ItemHandlers.Get(g, r, site, list, id, fieldsOnly: true)),
            (["lists", var list, "items", var id, "fields"], "PATCH") => Sync(RouteKind.UpdateItem, () => ItemHandlers.Update(g, r, site, list, id, fieldsOnly: true)),
            (["lists", var list, "items", var id, "driveItem", .. var more], _) => DriveRouter.MatchListItem(r, g, site, list, id, more),
            ([], _) or (["drives", ..], _) or (["lists", ..], _) when Known(rest) => NotAllowed(r),
            _ => Unknown(r),
        };
    }

    static bool Known(string[] rest) => rest switch
    {
        [] or ["lists"] or ["lists", _] or ["lists", _, "columns" or "items" or "drive"] or ["lists", _, "columns" or "items", _]
            or ["lists", _, "items", _, "fields"] or ["drives"] or ["drives", _] => true,
        _ => false,
    };

    /// <summary>
    /// Splits off the site: an id ("s1", "host,guid,guid") or Graph's path form "host:/sites/crm:" (one escaped segment
    /// when the SDK builds it, several segments when written by hand).
    /// </summary>
    static (string Site, string[] Remainder)? SitePath(IReadOnlyList<string> path)
    {
        if (path.Count < 2 || path[0] != "sites") return null;
        var first = path[1];
        if (first.Contains(":/") || !first.EndsWith(':')) return (first.TrimEnd(':'), path.Skip(2).ToArray());
        var end = 2;
        while (end < path.Count && !path[end].EndsWith(':')) end++;
        if (end == path.Count) return (string.Join('/', path.Skip(1)), []);
        return (string.Join('/', path.Skip(1).Take(end)).TrimEnd(':'), path.Skip(end + 1).ToArray());
    }

    public static (RouteKind, Func<Task<GraphResponse>>) Sync(RouteKind kind, Func<GraphResponse> handle) => (kind, () => Task.FromResult(handle()));

    public static (RouteKind, Func<Task<GraphResponse>>) NotAllowed(GraphRequest r) =>
        (RouteKind.Unknown, () => throw new GraphError(405, "BadRequest", $"The method {r.Method} is not supported on {r.PathText}."));

    public static (RouteKind, Func<Task<GraphResponse>>) Unknown(GraphRequest r) =>
        (RouteKind.Unknown, () => throw new GraphError(400, "BadRequest", $"Resource not found for the segment '{r.Path.LastOrDefault()}'."));
}
