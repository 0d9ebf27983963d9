namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// One list item. Values are keyed by column name and typed by column: string (text, choice), double (number,
/// currency), DateTimeOffset (dateTime, UTC), bool (boolean), int (lookup, personOrGroup: the LookupId).
/// Mutable only under the owning list's lock; tests read it through <see cref="FakeList.Snapshot"/>.
/// </summary>
public sealed class FakeItem
{
    public required int Id { get; init; }
    public required Guid UniqueId { get; init; }
    public int Version { get; internal set; } = 1;
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; internal set; }
    internal Dictionary<string, object?> Values { get; init; } = new(StringComparer.Ordinal);

    /// <summary>SharePoint's item eTag: the item's unique id and its version, quoted, e.g. "\"5f0c…,3\"".</summary>
    public string ETag => ETags.Format(UniqueId, Version);

    public IReadOnlyDictionary<string, object?> Fields => Values;

    public object? this[string column] => Values.GetValueOrDefault(column);

    /// <summary>The value a query sees: the stored value, or ID/Created/Modified from the item itself.</summary>
    internal object? ValueOf(FakeColumn column) => column.Name switch
    {
        "ID" => Id,
        "Created" => Created,
        "Modified" => Modified,
        _ => Values.GetValueOrDefault(column.Name),
    };

    internal FakeItem Copy() => new()
    {
        Id = Id, UniqueId = UniqueId, Version = Version, Created = Created, Modified = Modified,
        Values = new Dictionary<string, object?>(Values, StringComparer.Ordinal),
    };
}

/// <summary>Reading and comparing eTags the way SharePoint does: the item's guid and version decide, not the quoting.</summary>
public static class ETags
{
    public static string Format(Guid uniqueId, int version) => $"\"{uniqueId},{version}\"";

    /// <summary>If-Match matches when it is "*" or names the same item and version (quotes, W/ and braces ignored).</summary>
    public static bool Matches(string ifMatch, FakeItem item)
    {
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Chunk(2))
        {
            if (candidate[0] == "*") return true;
            if (candidate.Length < 2) continue;
            var guid = candidate[0].Replace("W/", "").Trim('"', '{', '}', ' ');
            var version = candidate[1].Trim('"', ' ');
            if (Guid.TryParse(guid, out var g) && g == item.UniqueId && int.TryParse(version, out var v) && v == item.Version)
                return true;
        }
        return false;
    }
}
