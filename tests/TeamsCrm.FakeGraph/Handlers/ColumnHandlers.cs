using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>GET and POST …/lists/{list}/columns; GET and PATCH …/columns/{column id or name}.</summary>
internal static class ColumnHandlers
{
    public static GraphResponse All(GraphContext g, string siteId, string listId)
    {
        var list = g.RequireList(siteId, listId);
        return GraphResponse.Ok(GraphJson.Collection("columns", list.Columns.Select(c => (JsonNode)GraphJson.Column(c))));
    }

    public static GraphResponse Get(GraphContext g, string siteId, string listId, string columnId) =>
        GraphResponse.Ok(GraphJson.Column(g.RequireList(siteId, listId).Column(columnId)
            ?? throw GraphError.NotFound("The column was not found in this list.")));

    /// <summary>A column with one type facet; enforceUniqueValues needs indexed, as in SharePoint.</summary>
    public static GraphResponse Create(GraphContext g, GraphRequest r, string siteId, string listId)
    {
        var list = g.RequireList(siteId, listId);
        var column = ColumnFacets.Read(r.Body as JsonObject ?? throw GraphError.BadRequest("A column needs a JSON body."));
        return GraphResponse.Created(GraphJson.Column(list.AddColumn(column)));
    }

    /// <summary>Changes indexed, enforceUniqueValues, required, displayName, description or text.maxLength.</summary>
    public static GraphResponse Update(GraphContext g, GraphRequest r, string siteId, string listId, string columnId)
    {
        var list = g.RequireList(siteId, listId);
        var body = r.Body as JsonObject ?? throw GraphError.BadRequest("A column update needs a JSON body.");
        var change = new FakeList.ColumnChange(
            Flag(body, "indexed"), Flag(body, "enforceUniqueValues"), Flag(body, "required"),
            Text(body, "displayName"), Text(body, "description"),
            body["text"]?["maxLength"] is JsonValue max ? max.GetValue<int>() : null);
        return GraphResponse.Ok(GraphJson.Column(list.UpdateColumn(columnId, change)));
    }

    static bool? Flag(JsonObject json, string key) => json[key] is JsonValue v ? v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw GraphError.BadRequest($"'{key}' must be true or false."),
    } : null;

    static string? Text(JsonObject json, string key) => json[key] is JsonValue v ? v.GetValue<string>() : null;
}
