using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Query;

public sealed record SortKey(FakeColumn Column, bool Descending);

/// <summary>expand=fields, expand=fields(select=A,B) or $expand=fields($select=A,B); Select null means every field.</summary>
public sealed record FieldsExpansion(bool Expanded, IReadOnlySet<string>? Select)
{
    public static FieldsExpansion Parse(string? expand)
    {
        if (string.IsNullOrWhiteSpace(expand)) return new(false, null);
        foreach (var part in SplitTopLevel(expand))
        {
            var open = part.IndexOf('(');
            var name = (open < 0 ? part : part[..open]).Trim();
            if (!name.Equals("fields", StringComparison.OrdinalIgnoreCase)) continue;
            if (open < 0) return new(true, null);
            var inner = part[(open + 1)..].TrimEnd(')').Trim();
            var eq = inner.IndexOf('=');
            if (eq < 0 || !inner[..eq].Trim().TrimStart('$').Equals("select", StringComparison.OrdinalIgnoreCase))
                throw GraphError.BadRequest($"Invalid expand: '{part}' (expected fields(select=A,B)).");
            var names = inner[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new(true, names.ToHashSet(StringComparer.Ordinal));
        }
        return new(false, null);
    }

    /// <summary>Splits "a,b(c,d),e" at the commas outside parentheses.</summary>
    public static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0) { yield return text[start..i]; start = i + 1; }
        }
        yield return text[start..];
    }
}

public static class OrderByParser
{
    /// <summary>"fields/X asc, fields/Y desc"; the item id breaks ties, as SharePoint's paging does.</summary>
    public static IReadOnlyList<SortKey> Parse(string? orderBy, IReadOnlyList<FakeColumn> columns)
    {
        if (string.IsNullOrWhiteSpace(orderBy)) return [];
        var keys = new List<SortKey>();
        foreach (var part in orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = words[0];
            if (field.StartsWith("fields/", StringComparison.OrdinalIgnoreCase)) field = field[7..];
            else if (field is not ("id" or "Id" or "ID")) throw GraphError.BadRequest($"Invalid orderby: '{words[0]}' is not a field; name fields as fields/Name.");
            var descending = words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (words.Length > 2 || (words.Length == 2 && !descending && !words[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
                throw GraphError.BadRequest($"Invalid orderby clause: '{part}'.");
            keys.Add(new SortKey(FilterBinder.Resolve(field, columns), descending));
        }
        return keys;
    }
}

/// <summary>
/// The opaque $skiptoken: the sort values and id of the last item served, so the next page starts after it even when
/// items were added or removed in between (SharePoint pages by position in the index the same way, "p_ID=…").
/// </summary>
public static class SkipToken
{
    public static string Encode(FakeItem last, IReadOnlyList<SortKey> keys)
    {
        var values = new JsonArray(keys.Select(k => FieldValues.ToJson(k.Column, last.ValueOf(k.Column))).ToArray());
        var json = new JsonObject { ["id"] = last.Id, ["k"] = values }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static (int Id, object?[] Keys) Decode(string token, IReadOnlyList<SortKey> keys)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            var node = JsonNode.Parse(Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=')))!;
            var values = node["k"]!.AsArray();
            if (values.Count != keys.Count) throw new FormatException("the token belongs to another ordering");
            var typed = keys.Select((k, i) => values[i] is null ? null
                : k.Column.Type == ColumnType.Counter ? int.Parse(values[i]!.ToString(), CultureInfo.InvariantCulture)
                : FieldValues.FromJson(k.Column, values[i]!.DeepClone())).ToArray();
            return (node["id"]!.GetValue<int>(), typed);
        }
        catch (Exception e) when (e is FormatException or JsonException or NullReferenceException or InvalidOperationException or GraphError)
        {
            throw GraphError.BadRequest("The $skiptoken is not valid for this query.");
        }
    }
}
