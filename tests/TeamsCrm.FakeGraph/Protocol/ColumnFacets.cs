using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>Reads a columnDefinition a client posts and writes the type facet Graph returns for a column.</summary>
public static class ColumnFacets
{
    static readonly Dictionary<string, ColumnType> Supported = new()
    {
        ["text"] = ColumnType.Text, ["number"] = ColumnType.Number, ["currency"] = ColumnType.Currency,
        ["dateTime"] = ColumnType.DateTime, ["choice"] = ColumnType.Choice, ["boolean"] = ColumnType.Boolean,
        ["personOrGroup"] = ColumnType.PersonOrGroup, ["lookup"] = ColumnType.Lookup,
    };

    static readonly string[] Unsupported = ["calculated", "hyperlinkOrPicture", "term", "geolocation", "thumbnail", "contentApprovalStatus"];

    public static FakeColumn Read(JsonObject json)
    {
        var facets = Supported.Keys.Where(k => json[k] is JsonObject).ToList();
        if (Unsupported.FirstOrDefault(k => json[k] is JsonObject) is { } other)
            throw new GraphError(501, "notImplemented", $"The fake does not implement '{other}' columns.");
        if (facets.Count != 1)
            throw GraphError.BadRequest($"A column needs exactly one type facet ({string.Join(", ", Supported.Keys)}); this one has {facets.Count}.");
        var facet = json[facets[0]]!.AsObject();
        if (Flag(facet, "allowMultipleValues") || Flag(facet, "allowMultipleSelection") || Text(facet, "displayAs") == "checkBoxes")
            throw new GraphError(501, "notImplemented", "The fake does not implement multi-value columns.");
        var name = Text(json, "name") ?? Text(json, "displayName")?.Replace(" ", "")
            ?? throw GraphError.BadRequest("A column needs a name.");
        var type = Supported[facets[0]];
        return new FakeColumn
        {
            Id = Guid.NewGuid().ToString(),
            Name = name,
            Type = type,
            DisplayName = Text(json, "displayName") ?? name,
            Description = Text(json, "description") ?? "",
            Indexed = Flag(json, "indexed"),
            EnforceUniqueValues = Flag(json, "enforceUniqueValues"),
            Required = Flag(json, "required"),
            AllowMultipleLines = type == ColumnType.Text && Flag(facet, "allowMultipleLines"),
            MaxLength = type == ColumnType.Text && facet["maxLength"] is JsonValue max ? max.GetValue<int>() : FakeColumn.SingleLineMax,
            DateFormat = Text(facet, "format") ?? "dateTime",
            Choices = facet["choices"] is JsonArray choices ? choices.Select(c => c?.GetValue<string>() ?? "").ToList() : [],
            LookupListId = Text(facet, "listId"),
            LookupColumnName = Text(facet, "columnName"),
        };
    }

    public static (string Name, JsonObject Body)? Write(FakeColumn c) => c.Type switch
    {
        ColumnType.Text => ("text", new JsonObject
        {
            ["allowMultipleLines"] = c.AllowMultipleLines,
            ["appendChangesToExistingText"] = false,
            ["linesForEditing"] = c.AllowMultipleLines ? 6 : 0,
            ["maxLength"] = c.AllowMultipleLines ? FakeColumn.MultiLineMax : c.MaxLength,
        }),
        ColumnType.Number => ("number", new JsonObject { ["decimalPlaces"] = "automatic", ["displayAs"] = "number" }),
        ColumnType.Currency => ("currency", new JsonObject { ["locale"] = "en-US" }),
        ColumnType.DateTime => ("dateTime", new JsonObject { ["displayAs"] = "default", ["format"] = c.DateFormat }),
        ColumnType.Choice => ("choice", new JsonObject
        {
            ["allowTextEntry"] = false,
            ["choices"] = new JsonArray(c.Choices.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
            ["displayAs"] = "dropDownMenu",
        }),
        ColumnType.Boolean => ("boolean", new JsonObject()),
        ColumnType.PersonOrGroup => ("personOrGroup", new JsonObject
        {
            ["allowMultipleSelection"] = false, ["chooseFromType"] = "peopleOnly", ["displayAs"] = "account",
        }),
        ColumnType.Lookup => ("lookup", new JsonObject
        {
            ["allowMultipleValues"] = false, ["allowUnlimitedLength"] = false,
            ["columnName"] = c.LookupColumnName, ["listId"] = c.LookupListId,
        }),
        _ => null,
    };

    static string? Text(JsonObject json, string key) =>
        json[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    static bool Flag(JsonObject json, string key) =>
        json[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True;
}
