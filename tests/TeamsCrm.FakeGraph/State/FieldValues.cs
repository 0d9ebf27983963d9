using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// Turns the JSON a client writes into the typed value SharePoint stores, and back into the JSON Graph returns
/// (numbers as numbers, dates as ISO 8601 UTC to the second, LookupIds as strings).
/// </summary>
public static class FieldValues
{
    public static object? FromJson(FakeColumn column, JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonValue value) throw Invalid(column, node.ToJsonString(), "a single value");
        var kind = value.GetValueKind();
        if (kind == JsonValueKind.Null) return null;
        // A value built in C# (seeding) may hold a DateTimeOffset rather than a string: read its JSON text then.
        var text = kind != JsonValueKind.String ? value.ToJsonString()
            : value.TryGetValue<string>(out var s) ? s : value.Deserialize<string>()!;
        return column.Type switch
        {
            ColumnType.Text or ColumnType.Choice => kind == JsonValueKind.String ? Text(column, text) : throw Invalid(column, text, "text"),
            ColumnType.Number or ColumnType.Currency => ParseNumber(text) ?? throw Invalid(column, text, "a number"),
            ColumnType.Boolean => ParseBoolean(text) ?? throw Invalid(column, text, "a boolean"),
            ColumnType.DateTime => ParseDate(text) ?? throw Invalid(column, text, "a date and time (ISO 8601)"),
            ColumnType.Lookup or ColumnType.PersonOrGroup => ParseLookupId(text) ?? throw Invalid(column, text, "a LookupId (an integer)"),
            _ => throw GraphError.BadRequest($"Field '{column.Name}' is read-only"),
        };
    }

    /// <summary>For seeding from C#: the same rules, starting from a CLR value.</summary>
    public static object? FromClr(FakeColumn column, object? value) => value switch
    {
        null => null,
        JsonNode node => FromJson(column, node),
        DateTime d => FromJson(column, JsonValue.Create(new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d))),
        _ => FromJson(column, JsonSerializer.SerializeToNode(value)),
    };

    public static JsonNode? ToJson(FakeColumn column, object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        DateTimeOffset t => JsonValue.Create(FormatDate(t)),
        int i when column.Type is ColumnType.Lookup or ColumnType.PersonOrGroup or ColumnType.Counter => JsonValue.Create(i.ToString(CultureInfo.InvariantCulture)),
        int i => JsonValue.Create(i),
        _ => JsonValue.Create(value.ToString()),
    };

    public static string FormatDate(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>SharePoint keeps an empty text as no value, so Graph leaves it out of fields.</summary>
    static string? Text(FakeColumn column, string text)
    {
        if (text.Length == 0) return null;
        var max = column.Type == ColumnType.Text ? (column.AllowMultipleLines ? FakeColumn.MultiLineMax : column.MaxLength) : FakeColumn.SingleLineMax;
        if (text.Length > max)
            throw GraphError.BadRequest($"The value of field '{column.Name}' is {text.Length} characters long; the column holds at most {max}.");
        return text;
    }

    public static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>SharePoint stores yes/no as 1/0 and accepts either spelling.</summary>
    public static bool? ParseBoolean(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>Dates are kept in UTC to the second, the precision SharePoint keeps.</summary>
    public static DateTimeOffset? ParseDate(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return null;
        return new DateTimeOffset(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    static int? ParseLookupId(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i > 0 ? i : null;

    static GraphError Invalid(FakeColumn column, string text, string expected) =>
        GraphError.BadRequest($"The value '{Shorten(text)}' of field '{column.Name}' is not valid: {column.Type} columns take {expected}.");

    static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;

    /// <summary>How SharePoint compares values in filters, sorting and unique checks: text without regard to case.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,           // empty values sort first, as in SharePoint's ascending views
        (_, null) => 1,
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        (double x, double y) => x.CompareTo(y),
        (int x, int y) => x.CompareTo(y),
        (int x, double y) => ((double)x).CompareTo(y),
        (double x, int y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        _ => string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The key a unique column is checked on: text folds case, like SharePoint's unique constraint.</summary>
    public static string UniqueKey(object value) => value switch
    {
        string s => "s:" + s.ToUpperInvariant(),
        DateTimeOffset t => "t:" + t.UtcTicks,
        double d => "n:" + d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
