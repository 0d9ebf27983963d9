using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>GET /drives/{d}, GET /sites/{site}/drives (every document library), GET /sites/{site}/lists/{list}/drive.</summary>
internal static class DriveHandlers
{
    public static GraphResponse Get(GraphContext g, string driveId) => GraphResponse.Ok(DriveJson.Drive(g.RequireDrive(driveId)));

    public static GraphResponse ForSite(GraphContext g, GraphRequest r, string siteId)
    {
        var site = g.Store.Site(siteId);
        var drives = site.Lists.Select(l => l.Drive).OfType<State.FakeDrive>().Select(d => (JsonNode)DriveJson.Drive(d));
        return GraphResponse.Ok(GraphJson.Collection($"{r.BaseUrl}/$metadata#drives", drives));
    }

    /// <summary>A generic list has no drive: 404, as Graph answers for one.</summary>
    public static GraphResponse OfList(GraphContext g, string siteId, string listId) =>
        GraphResponse.Ok(DriveJson.Drive(g.RequireList(siteId, listId).Drive
            ?? throw GraphError.NotFound("This list is not a document library and has no drive.")));
}
