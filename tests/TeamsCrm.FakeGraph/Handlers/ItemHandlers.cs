using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.Query;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>List items: query with paging, create, read, update fields and delete, with eTags and If-Match.</summary>
internal static class ItemHandlers
{
    /// <summary>The opt-in that lets a small list be filtered or sorted on columns that are not indexed.</summary>
    const string HonorNonIndexed = "HonorNonIndexedQueriesWarningMayFailRandomly";

    public static GraphResponse Query(GraphContext g, GraphRequest r, string siteId, string listId)
    {
        var list = g.RequireList(siteId, listId);
        var expansion = FieldsExpansion.Parse(r.Option("expand"));
        var prefer = r.Header("Prefer") ?? "";
        var request = new ItemQueryRequest(r.Option("filter"), r.Option("orderby"), r.Option("top"), r.Option("skiptoken"),
            prefer.Contains(HonorNonIndexed, StringComparison.OrdinalIgnoreCase) || prefer.Contains("allowthrottleablequeries", StringComparison.OrdinalIgnoreCase));
        var page = ItemQuery.Run(list, request, g.Options, g.Queries.Add);
        var select = Select(r);
        var values = page.Items.Select(item => (JsonNode)GraphJson.Item(list, item, expansion, select)).ToList();
        if (list.Drive is { } drive && ExpandsDriveItem(r))   // $expand=fields,driveItem: each file or folder with its list item
            drive.Read(() =>
            {
                foreach (var json in values.Cast<JsonObject>())
                    if (drive.ByListItem(int.Parse((string)json["id"]!, CultureInfo.InvariantCulture)) is { } driveItem)
                        json["driveItem"] = DriveJson.Item(g, r, drive, driveItem, DriveItemOptions.Default);
                return 0;
            });
        var nextLink = page.NextSkipToken is { } token ? r.NextLink(token) : null;
        return GraphResponse.Ok(GraphJson.Collection($"{r.BaseUrl}/$metadata#sites('{list.SiteId}')/lists('{list.Id}')/items", values, nextLink));
    }

    /// <summary>POST {fields:{…}} → 201 with id, eTag, dates and the stored fields.</summary>
    public static GraphResponse Create(GraphContext g, GraphRequest r, string siteId, string listId)
    {
        var list = g.RequireList(siteId, listId);
        var body = r.Body as JsonObject ?? throw GraphError.BadRequest("A list item needs a JSON body.");
        var fields = body["fields"] as JsonObject ?? [];
        var item = list.CreateItem(fields);
        return GraphResponse.Created(GraphJson.Item(list, item, new FieldsExpansion(true, null)));
    }

    public static GraphResponse Get(GraphContext g, GraphRequest r, string siteId, string listId, string id, bool fieldsOnly)
    {
        var list = g.RequireList(siteId, listId);
        var item = list.Find(ItemId(id)) ?? throw GraphError.NotFound("Item not found");
        if (fieldsOnly) return GraphResponse.Ok(GraphJson.Fields(list, item, SelectSet(r.Option("select"))));
        return GraphResponse.Ok(GraphJson.Item(list, item, FieldsExpansion.Parse(r.Option("expand")), Select(r)));
    }

    /// <summary>
    /// PATCH …/items/{id}/fields with the changed fields (answers the fieldValueSet), or PATCH …/items/{id} with
    /// {fields:{…}} (answers the item). If-Match with a stale eTag → 412 and nothing changes.
    /// </summary>
    public static GraphResponse Update(GraphContext g, GraphRequest r, string siteId, string listId, string id, bool fieldsOnly)
    {
        var list = g.RequireList(siteId, listId);
        var body = r.Body as JsonObject ?? throw GraphError.BadRequest("An update needs a JSON body.");
        var fields = fieldsOnly ? body : body["fields"] as JsonObject ?? [];
        var item = list.UpdateItem(ItemId(id), fields, r.Header("If-Match"));
        return GraphResponse.Ok(fieldsOnly ? GraphJson.Fields(list, item) : GraphJson.Item(list, item, new FieldsExpansion(true, null)));
    }

    public static GraphResponse Delete(GraphContext g, GraphRequest r, string siteId, string listId, string id)
    {
        g.RequireList(siteId, listId).DeleteItem(ItemId(id), r.Header("If-Match"));
        return GraphResponse.NoContent();
    }

    static bool ExpandsDriveItem(GraphRequest r) => r.Option("expand") is { } expand
        && FieldsExpansion.SplitTopLevel(expand).Any(p => p.Trim().StartsWith("driveItem", StringComparison.OrdinalIgnoreCase));

    static int ItemId(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw GraphError.BadRequest($"'{id}' is not a list item id.");

    static IReadOnlySet<string>? Select(GraphRequest r) => SelectSet(r.Option("select"));

    static IReadOnlySet<string>? SelectSet(string? select) => string.IsNullOrWhiteSpace(select) ? null
        : select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
