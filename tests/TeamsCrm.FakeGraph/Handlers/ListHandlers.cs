using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>GET /sites/{site}, GET and POST /sites/{site}/lists, GET /sites/{site}/lists/{list id or title}.</summary>
internal static partial class ListHandlers
{
    public static GraphResponse GetSite(GraphContext g, string siteId) => GraphResponse.Ok(GraphJson.Site(g.Store.Site(siteId)));

    /// <summary>All lists, or those matching $filter=displayName eq '…' (the one list filter an archive needs).</summary>
    public static GraphResponse Find(GraphContext g, GraphRequest r, string siteId)
    {
        var site = g.Store.Site(siteId);
        IEnumerable<FakeList> lists = site.Lists;
        if (r.Option("filter") is { } filter)
        {
            var match = ListFilter().Match(filter);
            if (!match.Success)
                throw new GraphError(501, "notImplemented", "The fake filters lists only with displayName eq '…' or name eq '…'.");
            var value = match.Groups["value"].Value.Replace("''", "'");
            lists = match.Groups["property"].Value == "name"
                ? lists.Where(l => string.Equals(l.Name, value, StringComparison.OrdinalIgnoreCase))
                : lists.Where(l => string.Equals(l.DisplayName, value, StringComparison.OrdinalIgnoreCase));
        }
        var withColumns = ExpandsColumns(r);
        return GraphResponse.Ok(GraphJson.Collection($"{r.BaseUrl}/$metadata#sites('{site.Id}')/lists",
            lists.Select(l => (JsonNode)GraphJson.List(l, withColumns))));
    }

    public static GraphResponse Get(GraphContext g, GraphRequest r, string siteId, string listIdOrName) =>
        GraphResponse.Ok(GraphJson.List(g.RequireList(siteId, listIdOrName), ExpandsColumns(r)));

    /// <summary>
    /// POST {displayName, columns:[…], list:{template:"genericList" | "documentLibrary"}}; the template adds Title (and
    /// ID, Created, Modified); a document library also gets FileLeafRef and a drive.
    /// </summary>
    public static GraphResponse Create(GraphContext g, GraphRequest r, string siteId)
    {
        var body = r.Body as JsonObject ?? throw GraphError.BadRequest("A list needs a JSON body.");
        var name = (body["displayName"] as JsonValue)?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name)) throw GraphError.BadRequest("A list needs a displayName.");
        var template = (body["list"]?["template"] as JsonValue)?.GetValue<string>() ?? FakeList.GenericList;
        if (template is not (FakeList.GenericList or FakeList.DocumentLibrary))
            throw new GraphError(501, "notImplemented", $"The fake creates genericList lists and documentLibrary libraries, not '{template}'.");
        var columns = (body["columns"] as JsonArray ?? []).Select(c => ColumnFacets.Read(c as JsonObject
            ?? throw GraphError.BadRequest("Each column must be an object."))).ToList();
        var list = g.Store.Site(siteId).CreateList(name, columns, template);
        return GraphResponse.Created(GraphJson.List(list, withColumns: false));
    }

    static bool ExpandsColumns(GraphRequest r) =>
        r.Option("expand") is { } expand && FieldsExpansionParts(expand).Any(p => p.Equals("columns", StringComparison.OrdinalIgnoreCase));

    static IEnumerable<string> FieldsExpansionParts(string expand) =>
        Query.FieldsExpansion.SplitTopLevel(expand).Select(p => (p.Contains('(') ? p[..p.IndexOf('(')] : p).Trim());

    [GeneratedRegex(@"^\s*(?<property>displayName|name)\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$")]
    private static partial Regex ListFilter();
}
