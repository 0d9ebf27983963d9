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

    static GraphError NotFound(string resource) => new(404, "Request_ResourceNotFound",
        $"Resource '{resource}' does not exist or one of its queried reference-property objects are not present.");
}
