using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Query;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>The JSON shapes Graph v1.0 returns for sites, lists, columns, list items and users (camelCase, OData annotations).</summary>
public static class GraphJson
{
    internal const string Host = "https://fake.sharepoint.local";
    internal static readonly JsonObject Creator = new() { ["user"] = new JsonObject { ["displayName"] = "Fake Graph" } };

    public static JsonObject Site(FakeSite site) => new()
    {
        ["id"] = site.Id,
        ["name"] = site.Id,
        ["displayName"] = site.Id,
        ["webUrl"] = $"{Host}/sites/{site.Id}",
    };

    public static JsonObject List(FakeList list, bool withColumns)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = $"\"{list.Id},1\"",
            ["createdDateTime"] = FieldValues.FormatDate(list.Created),
            ["description"] = "",
            ["eTag"] = $"\"{list.Id},1\"",
            ["id"] = list.Id,
            ["lastModifiedDateTime"] = FieldValues.FormatDate(list.Modified),
            ["name"] = list.Name,
            ["webUrl"] = $"{Host}/sites/{list.SiteId}/Lists/{list.Name}",
            ["displayName"] = list.DisplayName,
            ["createdBy"] = Creator.DeepClone(),
            ["parentReference"] = new JsonObject { ["siteId"] = list.SiteId },
            ["list"] = new JsonObject { ["contentTypesEnabled"] = false, ["hidden"] = false, ["template"] = list.Template },
        };
        if (withColumns) json["columns"] = new JsonArray(list.Columns.Select(c => (JsonNode)Column(c)).ToArray());
        return json;
    }

    public static JsonObject Column(FakeColumn c)
    {
        var json = new JsonObject
        {
            ["columnGroup"] = c.BuiltIn ? "Base Columns" : "Custom Columns",
            ["description"] = c.Description,
            ["displayName"] = c.DisplayName,
            ["enforceUniqueValues"] = c.EnforceUniqueValues,
            ["hidden"] = false,
            ["id"] = c.Id,
            ["indexed"] = c.Indexed,
            ["name"] = c.Name,
            ["readOnly"] = c.ReadOnly,
            ["required"] = c.Required,
        };
        var facet = ColumnFacets.Write(c);
        if (facet is not null) json[facet.Value.Name] = facet.Value.Body;
        return json;
    }

    public static JsonObject Item(FakeList list, FakeItem item, FieldsExpansion fields, IReadOnlySet<string>? select = null)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = item.ETag,
            ["createdDateTime"] = FieldValues.FormatDate(item.Created),
            ["eTag"] = item.ETag,
            ["id"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lastModifiedDateTime"] = FieldValues.FormatDate(item.Modified),
            ["webUrl"] = $"{Host}/sites/{list.SiteId}/Lists/{list.Name}/{item.Id}_.000",
            ["createdBy"] = Creator.DeepClone(),
            ["lastModifiedBy"] = Creator.DeepClone(),
            ["parentReference"] = new JsonObject { ["id"] = list.Id, ["siteId"] = list.SiteId },
            ["contentType"] = new JsonObject { ["id"] = ContentTypeId(item.ContentType) + list.Id.Replace("-", "").ToUpperInvariant(), ["name"] = item.ContentType },
        };
        if (fields.Expanded) json["fields"] = Fields(list, item, fields.Select);
        if (select is not null)   // $select keeps the named properties (fields is kept when expanded)
            foreach (var key in json.Select(p => p.Key).ToList())
                if (!key.StartsWith('@') && key != "fields" && !select.Contains(key)) json.Remove(key);
        return json;
    }

    /// <summary>The fieldValueSet: every column with a value (empty ones are left out, as Graph does), plus SharePoint's extras.</summary>
    public static JsonObject Fields(FakeList list, FakeItem item, IReadOnlySet<string>? select = null)
    {
        var columns = list.Columns;
        if (select is not null)
            foreach (var name in select)
                if (name is not ("id" or "ContentType" or "_UIVersionString" or "Attachments") && columns.All(c => c.FieldKey != name && c.Name != name))
                    throw GraphError.BadRequest($"Field '{name}' is not recognized");
        var all = new JsonObject { ["@odata.etag"] = item.ETag };
        // Title and the list's own columns first, then SharePoint's bookkeeping, in the order Graph shows them.
        foreach (var column in columns.Where(c => c.Type != ColumnType.Counter).OrderBy(c => c.BuiltIn && c.Name != "Title"))
            if (FieldValues.ToJson(column, item.ValueOf(column)) is { } value) all[column.FieldKey] = value;
        all["id"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        all["ContentType"] = item.ContentType;
        all["_UIVersionString"] = $"{item.Version}.0";
        if (!list.IsLibrary) all["Attachments"] = false;
        if (select is null) return all;
        var chosen = new JsonObject { ["@odata.etag"] = item.ETag };
        foreach (var (key, value) in all)
            if (select.Contains(key) || columns.Any(c => c.Name == key.Replace("LookupId", "") && select.Contains(c.Name)))
                chosen[key] = value?.DeepClone();
        return chosen;
    }

    /// <summary>SharePoint's base content type ids: Item 0x01, Document 0x0101, Folder 0x0120 (then "00" and the list's own suffix).</summary>
    static string ContentTypeId(string name) => name switch
    {
        "Document" => "0x010100",
        "Folder" => "0x012000",
        _ => "0x0100",
    };

    public static JsonObject User(FakeUser user) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = user.Id,
        ["displayName"] = user.DisplayName,
        ["mail"] = user.Mail,
        ["userPrincipalName"] = user.UserPrincipalName,
        ["jobTitle"] = user.JobTitle,
    };

    public static JsonObject Collection(string context, IEnumerable<JsonNode> values, string? nextLink = null)
    {
        var json = new JsonObject { ["@odata.context"] = context, ["value"] = new JsonArray(values.ToArray()) };
        if (nextLink is not null) json["@odata.nextLink"] = nextLink;
        return json;
    }
}
