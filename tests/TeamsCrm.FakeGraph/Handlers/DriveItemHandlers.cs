using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.Query;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>Drive items by id or path: read, list children (paged), make folders, delete; and the list item behind one.</summary>
internal static class DriveItemHandlers
{
    public const string ConflictBehaviorKey = "@microsoft.graph.conflictBehavior";

    public static GraphResponse Get(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        var options = DriveItemOptions.From(r);
        return GraphResponse.Ok(drive.Read(() => DriveJson.Item(g, r, drive, drive.Find(address), options)));
    }

    /// <summary>
    /// GET …/children: in name order, $top a page (200 by default, like list items), then @odata.nextLink with an
    /// opaque $skiptoken naming the last child served, so a page boundary survives adds and deletes.
    /// </summary>
    public static GraphResponse Children(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        if (r.Option("filter") is not null || r.Option("orderby") is not null)
            throw new GraphError(501, "notImplemented", "The fake lists children in name order without $filter or $orderby.");
        var options = DriveItemOptions.From(r);
        var top = r.Option("top") is { } t
            ? int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, g.Options.MaxPageSize)
                : throw GraphError.BadRequest($"Invalid $top value '{t}'.")
            : g.Options.DefaultPageSize;
        var after = r.Option("skiptoken") is { } token ? SkipToken(token) : null;
        return drive.Read(() =>
        {
            var folder = drive.Find(address);
            if (!folder.IsFolder) throw GraphError.BadRequest("A file has no children.");
            var rest = drive.ChildrenOf(folder).Where(c => after is null || string.Compare(c.Name, after, StringComparison.OrdinalIgnoreCase) > 0).ToList();
            var page = rest.Take(top).ToList();
            var next = rest.Count > page.Count ? r.NextLink(Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Name))) : null;
            var values = page.Select(c => (JsonNode)DriveJson.Item(g, r, drive, c, options));
            return GraphResponse.Ok(GraphJson.Collection($"{r.BaseUrl}/$metadata#drives('{drive.Id}')/items('{folder.Id}')/children", values, next));
        });
    }

    /// <summary>POST …/children {name, folder:{}, "@microsoft.graph.conflictBehavior"}: 201 with the folder (fail is the default).</summary>
    public static GraphResponse CreateFolder(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress parent)
    {
        var body = r.Body as JsonObject ?? throw GraphError.BadRequest("A new folder needs a JSON body {name, folder:{}}.");
        if (body["folder"] is not JsonObject)
            throw GraphError.BadRequest("POST …/children makes folders ({name, folder:{}}); upload files with PUT …/content or an upload session.");
        var name = Text(body, "name") ?? throw GraphError.BadRequest("A new folder needs a name.");
        var behavior = DriveNames.ParseBehavior(Text(body, ConflictBehaviorKey), ConflictBehavior.Fail);
        var folder = drive.CreateFolder(parent, name, behavior);
        return GraphResponse.Created(drive.Read(() => DriveJson.Item(g, r, drive, folder, DriveItemOptions.Default)));
    }

    /// <summary>
    /// PATCH …/items/{id} {parentReference:{id}, name}: moves and/or renames (driveitem-move, driveitem-update), 200 with
    /// the item. The conflict behaviour goes in the URL (the driveItem page: "should be included in the URL instead of
    /// the body"); the body's is taken when the URL has none; fail by default. Other properties → 501.
    /// </summary>
    public static GraphResponse Update(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        var body = r.Body as JsonObject ?? throw GraphError.BadRequest("An update needs a JSON body (name, parentReference).");
        foreach (var (key, _) in body)
            if (key is not ("name" or "parentReference" or ConflictBehaviorKey) && !key.StartsWith("@odata.", StringComparison.Ordinal))
                throw new GraphError(501, "notImplemented", $"The fake moves and renames items only; it does not update '{key}'.");
        var name = body.ContainsKey("name") ? Text(body, "name") ?? throw GraphError.BadRequest("name must be a string.") : null;
        string? parentId = null;
        if (body["parentReference"] is JsonObject parent)
        {
            if (Text(parent, "driveId") is { } driveId && driveId != drive.Id)
                throw GraphError.BadRequest("Items cannot be moved between drives with this request.");
            if (parent.ContainsKey("path") && !parent.ContainsKey("id"))
                throw new GraphError(501, "notImplemented", "The fake moves to a parentReference id, as the move page shows, not to a path.");
            parentId = Text(parent, "id") ?? throw GraphError.BadRequest("parentReference needs the id of the new parent folder.");
            // The move page: "your app cannot use the "id:" "root" syntax … provide the actual ID of the root folder".
            if (parentId.Equals("root", StringComparison.OrdinalIgnoreCase))
                throw GraphError.BadRequest("Use the root folder's id, not 'root', in parentReference.");
        }
        else if (body["parentReference"] is not null) throw GraphError.BadRequest("parentReference must be an object.");
        var behavior = DriveNames.ParseBehavior(r.Query.GetValueOrDefault(ConflictBehaviorKey) ?? Text(body, ConflictBehaviorKey), ConflictBehavior.Fail);
        var item = drive.Move(address, parentId, name, behavior, r.Header("If-Match"));
        return GraphResponse.Ok(drive.Read(() => DriveJson.Item(g, r, drive, item, DriveItemOptions.Default)));
    }

    /// <summary>DELETE …/items/{id} (and POST …/permanentDelete): 204; a folder goes with everything in it; If-Match → 412.</summary>
    public static GraphResponse Delete(FakeDrive drive, GraphRequest r, DriveAddress address)
    {
        drive.Delete(address, r.Header("If-Match"));
        return GraphResponse.NoContent();
    }

    /// <summary>GET …/items/{id}/listItem: the list item behind a file or folder, expand=fields as on lists.</summary>
    public static GraphResponse ListItem(GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        var expansion = FieldsExpansion.Parse(r.Option("expand"));
        return GraphResponse.Ok(drive.Read(() =>
        {
            var listItem = drive.ListItemOf(drive.Find(address)) ?? throw GraphError.NotFound("The root folder has no list item.");
            return GraphJson.Item(drive.List, listItem, expansion);
        }));
    }

    static string SkipToken(string token)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
        catch (FormatException) { throw GraphError.BadRequest("The $skiptoken is not valid for this query."); }
    }

    static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
