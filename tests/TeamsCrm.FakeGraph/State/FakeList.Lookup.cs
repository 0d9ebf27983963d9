namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// What an index gives SharePoint: the items holding a value, found without reading the others. Kept for indexed text
/// and choice columns, so that an eq query on one costs what it returns rather than the size of the list (a benchmark
/// of 100,000 items otherwise measures the fake's scan). Which queries are allowed does not change.
/// </summary>
public sealed partial class FakeList
{
    readonly Dictionary<string, Dictionary<string, HashSet<int>>> _lookups = new(StringComparer.Ordinal);

    /// <summary>Items whose column equals <paramref name="value"/> as eq compares (text without case); null when the column has no lookup.</summary>
    internal IReadOnlyList<FakeItem>? ItemsEqualTo(FakeColumn column, object value)
    {
        lock (_sync)
        {
            if (!_lookups.TryGetValue(column.Name, out var lookup)) return null;
            return lookup.TryGetValue(FieldValues.UniqueKey(value), out var ids) ? [.. ids.Order().Select(id => _items[id])] : [];
        }
    }

    /// <summary>
    /// Items whose column starts with <paramref name="prefix"/> as startswith compares (text without case), from the keys of
    /// the lookup rather than the items (a rep's month among 100,000 visits); null when the column has no lookup.
    /// </summary>
    internal IReadOnlyList<FakeItem>? ItemsStartingWith(FakeColumn column, string prefix)
    {
        lock (_sync)
        {
            if (!_lookups.TryGetValue(column.Name, out var lookup)) return null;
            var start = FieldValues.UniqueKey(prefix);
            return [.. lookup.Where(p => p.Key.StartsWith(start, StringComparison.Ordinal)).SelectMany(p => p.Value).Order().Select(id => _items[id])];
        }
    }

    /// <summary>Builds or drops a column's lookup after its index flag was set.</summary>
    void SyncLookup(FakeColumn column)
    {
        if (!column.Indexed || column.ReadOnly || column.Type is not (ColumnType.Text or ColumnType.Choice))
        {
            _lookups.Remove(column.Name);
            return;
        }
        if (_lookups.ContainsKey(column.Name)) return;
        _lookups[column.Name] = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var item in _items.Values) AddToLookup(column, item);
    }

    void AddToLookup(FakeColumn column, FakeItem item)
    {
        if (!_lookups.TryGetValue(column.Name, out var lookup) || item.ValueOf(column) is not { } value) return;
        var key = FieldValues.UniqueKey(value);
        if (!lookup.TryGetValue(key, out var ids)) lookup[key] = ids = [];
        ids.Add(item.Id);
    }

    void RemoveFromLookup(FakeColumn column, FakeItem item)
    {
        if (_lookups.TryGetValue(column.Name, out var lookup) && item.ValueOf(column) is { } value
            && lookup.TryGetValue(FieldValues.UniqueKey(value), out var ids) && ids.Remove(item.Id) && ids.Count == 0)
            lookup.Remove(FieldValues.UniqueKey(value));
    }
}
