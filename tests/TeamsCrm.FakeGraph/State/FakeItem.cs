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
    /// <summary>SharePoint's content type: "Item" in a list; "Document" or "Folder" in a document library.</summary>
    public string ContentType { get; init; } = "Item";
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
        Id = Id, UniqueId = UniqueId, Version = Version, Created = Created, Modified = Modified, ContentType = ContentType,
        Values = new Dictionary<string, object?>(Values, StringComparer.Ordinal),
    };
}

/// <summary>Reading and comparing eTags the way SharePoint does: the item's guid and version decide, not the quoting.</summary>
public static class ETags
{
    public static string Format(Guid uniqueId, int version) => $"\"{uniqueId},{version}\"";

    /// <summary>If-Match matches when it is "*" or names the same item and version (quotes, W/ and braces ignored).</summary>
    public static bool Matches(string ifMatch, FakeItem item) => Matches(ifMatch, item.UniqueId, item.Version, contentVersion: null);

    /// <summary>
    /// A drive item answers to its eTag <c>"{GUID},version"</c> and to its cTag <c>"c:{GUID},content version"</c>
    /// (Graph's If-Match takes either on uploads, downloads and deletes).
    /// </summary>
    public static bool Matches(string ifMatch, Guid uniqueId, int version, int? contentVersion)
    {
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Chunk(2))
        {
            if (candidate[0] == "*") return true;
            if (candidate.Length < 2) continue;
            var guid = candidate[0].Replace("W/", "").Trim('"', ' ');
            var expected = version;
            if (guid.StartsWith("c:", StringComparison.OrdinalIgnoreCase))
            {
                if (contentVersion is not { } c) continue;
                (guid, expected) = (guid[2..], c);
            }
            var number = candidate[1].Trim('"', ' ');
            if (Guid.TryParse(guid.Trim('{', '}'), out var g) && g == uniqueId && int.TryParse(number, out var v) && v == expected)
                return true;
        }
        return false;
    }
}
