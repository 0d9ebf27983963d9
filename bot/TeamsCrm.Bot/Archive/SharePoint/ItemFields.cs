using System.Globalization;
using System.Text.Json;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// One list item as Graph returned it: id, eTag and its fields, read from the raw JSON. The SDK's own reading of
/// fields (AdditionalData) turns text that looks like a date or a GUID into a DateTime or a Guid, so a customer
/// named "2026-03-01" would not come back as typed; here text stays text and each column is read as its type.
/// </summary>
public sealed class ItemFields(string eTag, IReadOnlyDictionary<string, object?> values, string id = "")
{
    public string Id { get; } = id;
    public string ETag { get; } = eTag;
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public string? Text(string key) => Values.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public decimal? Decimal(string key) => Values.GetValueOrDefault(key) switch
    {
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public long? Integer(string key) => Decimal(key) is { } d ? (long)d : null;

    public bool Boolean(string key) => Values.GetValueOrDefault(key) switch
    {
        bool b => b,
        decimal d => d != 0,
        string s => s is "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Graph writes dateTime columns as ISO 8601 in UTC ("2026-03-02T09:30:00Z").</summary>
    public DateTimeOffset? Time(string key) => Text(key) is { } s
        ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
        : null;

    /// <summary>A dateOnly column comes back as midnight UTC of that day.</summary>
    public DateOnly? Date(string key) => Time(key) is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;

    /// <summary>Item ids are integers that only grow: their order is the order items were added.</summary>
    public long Number => long.Parse(Id, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A time as SharePoint keeps it: UTC, to the second.</summary>
    public static DateTimeOffset Stored(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>The form a value is sent in: times as ISO 8601 UTC to the second (what SharePoint keeps), enums by name.</summary>
    public static object? Wire(object? value) => value switch
    {
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z",
        Enum e => e.ToString(),
        _ => value,
    };

    /// <summary>An item ({id, eTag, fields}) or a fieldValueSet ({@odata.etag, id, …}, what PATCH …/fields answers).</summary>
    public static ItemFields Parse(JsonElement json)
    {
        var fields = json.TryGetProperty("fields", out var f) ? f : json;
        var eTag = json.TryGetProperty("eTag", out var e) ? e.GetString()
            : fields.TryGetProperty("@odata.etag", out e) ? e.GetString() : null;
        var id = json.TryGetProperty("id", out var i) ? i.GetString() : fields.TryGetProperty("id", out i) ? i.GetString() : null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in fields.EnumerateObject())
        {
            if (p.Name.StartsWith('@')) continue;
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            };
        }
        return new ItemFields(eTag ?? "", values, id ?? "");
    }
}
