using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Query;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>What a request asked of each driveItem: $select, and $expand=listItem($expand=fields(…)).</summary>
internal sealed record DriveItemOptions(IReadOnlySet<string>? Select, FieldsExpansion? ListItem)
{
    public static readonly DriveItemOptions Default = new(null, null);

    public static DriveItemOptions From(GraphRequest r)
    {
        var select = r.Option("select") is { Length: > 0 } s
            ? s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        FieldsExpansion? listItem = null;
        if (r.Option("expand") is { Length: > 0 } expand)
            foreach (var part in FieldsExpansion.SplitTopLevel(expand))
            {
                var open = part.IndexOf('(');
                var name = (open < 0 ? part : part[..open]).Trim();
                if (!name.Equals("listItem", StringComparison.OrdinalIgnoreCase))
                    throw new GraphError(501, "notImplemented", $"The fake expands only listItem on drive items, not '{name}'.");
                // Inner options are separated by ';': listItem($expand=fields($select=A,B);$select=id)
                var inner = open < 0 ? "" : part[(open + 1)..].TrimEnd().TrimEnd(')');
                var fields = inner.Split(';', StringSplitOptions.TrimEntries)
                    .FirstOrDefault(o => o.TrimStart('$').StartsWith("expand=", StringComparison.OrdinalIgnoreCase));
                listItem = FieldsExpansion.Parse(fields?[(fields.IndexOf('=') + 1)..]);
            }
        return new DriveItemOptions(select, listItem);
    }
}

/// <summary>The JSON shapes Graph v1.0 returns for drives, driveItems and upload sessions of a SharePoint library.</summary>
internal static class DriveJson
{
    /// <summary>A drive: a document library seen through the drive API; its name is the library's title.</summary>
    public static JsonObject Drive(FakeDrive drive) => new()
    {
        ["createdDateTime"] = FieldValues.FormatDate(drive.List.Created),
        ["description"] = "",
        ["id"] = drive.Id,
        ["lastModifiedDateTime"] = FieldValues.FormatDate(drive.List.Modified),
        ["name"] = drive.Name,
        ["webUrl"] = LibraryUrl(drive),
        ["driveType"] = "documentLibrary",
        ["createdBy"] = GraphJson.Creator.DeepClone(),
        ["quota"] = new JsonObject
        {
            ["deleted"] = 0, ["remaining"] = 27_487_790_694_400 - drive.Read(drive.Used), ["state"] = "normal",
            ["total"] = 27_487_790_694_400, ["used"] = drive.Read(drive.Used),
        },
    };

    /// <summary>
    /// A driveItem (callers hold the drive's lock). Files carry size, file.mimeType, file.hashes.quickXorHash and
    /// @microsoft.graph.downloadUrl; folders folder.childCount; the root root:{}.
    /// </summary>
    public static JsonObject Item(GraphContext g, GraphRequest r, FakeDrive drive, FakeDriveItem item, DriveItemOptions options)
    {
        var json = new JsonObject();
        if (item.Content is not null)
            json["@microsoft.graph.downloadUrl"] = g.Downloads.UrlFor(r.HostRoot, drive.Id, item.Id, item.UniqueId);
        json["createdDateTime"] = FieldValues.FormatDate(item.Created);
        json["eTag"] = drive.ETag(item);
        json["id"] = item.Id;
        json["lastModifiedDateTime"] = FieldValues.FormatDate(item.Modified);
        json["name"] = item.Name;
        json["webUrl"] = LibraryUrl(drive) + (item.IsRoot ? "" : "/" + string.Join('/', item.Path.Split('/').Select(Uri.EscapeDataString)));
        json["cTag"] = drive.CTag(item);
        json["size"] = item.SelfAndDescendants().Sum(i => i.Content?.Size ?? 0);
        json["createdBy"] = GraphJson.Creator.DeepClone();
        json["lastModifiedBy"] = GraphJson.Creator.DeepClone();
        json["parentReference"] = ParentReference(drive, item);
        json["fileSystemInfo"] = new JsonObject
        {
            ["createdDateTime"] = FieldValues.FormatDate(item.Created), ["lastModifiedDateTime"] = FieldValues.FormatDate(item.Modified),
        };
        if (item.Content is { } file)
            json["file"] = new JsonObject { ["hashes"] = new JsonObject { ["quickXorHash"] = file.QuickXorHash }, ["mimeType"] = file.MimeType };
        else json["folder"] = new JsonObject { ["childCount"] = item.Children!.Count };
        if (item.IsRoot) json["root"] = new JsonObject();
        if (options.ListItem is { } fields && drive.ListItemOf(item) is { } listItem)
            json["listItem"] = GraphJson.Item(drive.List, listItem, fields);
        if (options.Select is { } select)
            foreach (var key in json.Select(p => p.Key).ToList())
                if (key != "listItem" && !select.Contains(key)) json.Remove(key);
        return json;
    }

    public static JsonObject UploadSession(UploadSession session, string? uploadUrl, string baseUrl)
    {
        var json = new JsonObject { ["@odata.context"] = $"{baseUrl}/$metadata#microsoft.graph.uploadSession" };
        if (uploadUrl is not null) json["uploadUrl"] = uploadUrl;
        json["expirationDateTime"] = session.ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        // Fragments are taken in order, so what is missing is always one open range; none once every byte is in.
        json["nextExpectedRanges"] = session.Complete ? new JsonArray() : new JsonArray($"{session.Next}-");
        return json;
    }

    static JsonObject ParentReference(FakeDrive drive, FakeDriveItem item)
    {
        var json = new JsonObject { ["driveType"] = "documentLibrary", ["driveId"] = drive.Id };
        if (item.Parent is { } parent)
        {
            json["id"] = parent.Id;
            json["name"] = parent.IsRoot ? drive.Name : parent.Name;
            json["path"] = $"/drives/{drive.Id}/root:" + (parent.IsRoot ? "" : "/" + parent.Path);
        }
        json["siteId"] = drive.SiteId;
        return json;
    }

    static string LibraryUrl(FakeDrive drive) => $"{GraphJson.Host}/sites/{drive.SiteId}/{Uri.EscapeDataString(drive.List.Name)}";
}
