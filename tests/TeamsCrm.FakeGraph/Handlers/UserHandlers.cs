using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>GET /users/{id} and GET /users/{id}/manager from the seeded directory, with Entra ID's 404 wording.</summary>
internal static class UserHandlers
{
    public static GraphResponse Get(GraphContext g, string id) =>
        GraphResponse.Ok(GraphJson.User(g.Store.Directory.Find(id) ?? throw NotFound(id)));

    public static GraphResponse Manager(GraphContext g, string id)
    {
        if (g.Store.Directory.Find(id) is null) throw NotFound(id);
        return GraphResponse.Ok(GraphJson.User(g.Store.Directory.ManagerOf(id) ?? throw NotFound("manager")));
    }

    /// <summary>GET /users/{id}/directReports: the users whose manager this user is.</summary>
    public static GraphResponse DirectReports(GraphContext g, GraphRequest r, string id)
    {
        var user = g.Store.Directory.Find(id) ?? throw NotFound(id);
        return Page(r, g.Store.Directory.DirectReportsOf(user.Id), "directoryObjects");
    }

    /// <summary>GET /groups/{id}/transitiveMembers/microsoft.graph.user: paged by $top (default 100) with a nextLink.</summary>
    public static GraphResponse GroupUsers(GraphContext g, GraphRequest r, string groupId)
    {
        if (!g.Store.Directory.HasGroup(groupId)) throw NotFound(groupId);
        return Page(r, g.Store.Directory.MembersOf(groupId), "users");
    }

    static GraphResponse Page(GraphRequest r, IReadOnlyList<State.FakeUser> all, string context)
    {
        var top = int.TryParse(r.Option("top"), out var t) && t > 0 ? Math.Min(t, 999) : 100;
        var skip = int.TryParse(r.Option("skiptoken"), out var s) ? s : 0;
        var next = skip + top < all.Count
            ? $"{r.BaseUrl}/{string.Join('/', r.Path.Select(Uri.EscapeDataString))}?$top={top}&$skiptoken={skip + top}"
            : null;
        return GraphResponse.Ok(GraphJson.Collection(context, all.Skip(skip).Take(top).Select(u => (System.Text.Json.Nodes.JsonNode)GraphJson.User(u)), next));
    }

    static GraphError NotFound(string resource) => new(404, "Request_ResourceNotFound",
        $"Resource '{resource}' does not exist or one of its queried reference-property objects are not present.");
}
