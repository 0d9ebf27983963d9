using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>Columns of a list, their indexes and the unique-value constraint SharePoint enforces through them.</summary>
public sealed partial class FakeList
{
    /// <summary>The changes PATCH …/columns/{id} may make; null leaves a setting as it is.</summary>
    public sealed record ColumnChange(bool? Indexed = null, bool? EnforceUniqueValues = null, bool? Required = null,
        string? DisplayName = null, string? Description = null, int? MaxLength = null);

    public FakeColumn AddColumn(FakeColumn column)
    {
        lock (_sync)
        {
            if (_columns.Any(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
                throw GraphError.Conflict($"A column named '{column.Name}' already exists in this list.");
            if (string.IsNullOrEmpty(column.DisplayName)) column.DisplayName = column.Name;
            Validate(column, column.Indexed, column.EnforceUniqueValues, column.MaxLength);
            BuildUniqueIndex(column);
            _columns.Add(column);
            SyncLookup(column);
            Modified = _clock.GetUtcNow();
            return column;
        }
    }

    public FakeColumn UpdateColumn(string idOrName, ColumnChange change)
    {
        lock (_sync)
        {
            var column = FindColumn(idOrName) ?? throw GraphError.NotFound("The column was not found in this list.");
            if (column.ReadOnly) throw GraphError.BadRequest($"Column '{column.Name}' is read-only.");
            var indexed = change.Indexed ?? column.Indexed;
            var unique = change.EnforceUniqueValues ?? column.EnforceUniqueValues;
            var maxLength = change.MaxLength ?? column.MaxLength;
            Validate(column, indexed, unique, maxLength, newIndex: indexed && !column.Indexed);
            if (unique && !column.EnforceUniqueValues) BuildUniqueIndex(column, force: true);
            if (!unique) _unique.Remove(column.Name);
            column.Indexed = indexed;
            SyncLookup(column);
            column.EnforceUniqueValues = unique;
            column.MaxLength = maxLength;
            column.Required = change.Required ?? column.Required;
            column.DisplayName = change.DisplayName ?? column.DisplayName;
            column.Description = change.Description ?? column.Description;
            Modified = _clock.GetUtcNow();
            return column;
        }
    }

    void Validate(FakeColumn column, bool indexed, bool unique, int maxLength, bool newIndex = true)
    {
        if (indexed && !column.CanBeIndexed)
            throw GraphError.BadRequest($"Column '{column.Name}' cannot be indexed: SharePoint does not index multiple lines of text.");
        if (unique && !indexed)
            throw GraphError.BadRequest($"Column '{column.Name}' must be indexed to enforce unique values.");
        if (indexed && newIndex && _columns.Count(c => c.Indexed && c.Type != ColumnType.Counter && c != column) >= MaxIndexes)
            throw GraphError.BadRequest($"A list can have at most {MaxIndexes} indexed columns.");
        if (column.Type == ColumnType.Text && !column.AllowMultipleLines && maxLength is < 1 or > FakeColumn.SingleLineMax)
            throw GraphError.BadRequest($"A single line of text holds 1 to {FakeColumn.SingleLineMax} characters, not {maxLength}.");
    }

    /// <summary>Like SharePoint, a column whose items already repeat a value cannot be made unique.</summary>
    void BuildUniqueIndex(FakeColumn column, bool force = false)
    {
        if (!column.EnforceUniqueValues && !force) return;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in _items.Values)
        {
            if (item.ValueOf(column) is not { } value) continue;
            if (!index.TryAdd(FieldValues.UniqueKey(value), item.Id))
                throw GraphError.BadRequest($"Column '{column.Name}' cannot enforce unique values: its items already hold duplicate values.");
        }
        _unique[column.Name] = index;
    }

    /// <summary>Checks every unique column before anything is written, so a refused write changes nothing.</summary>
    void CheckUnique(Dictionary<FakeColumn, object?> values, int exceptItemId)
    {
        foreach (var (column, value) in values)
        {
            if (value is null || !_unique.TryGetValue(column.Name, out var index)) continue;
            if (index.TryGetValue(FieldValues.UniqueKey(value), out var owner) && owner != exceptItemId)
                throw GraphError.Conflict("The list item could not be added or updated because duplicate values were found in the " +
                    $"following field(s) in the list: [{column.Name}].");
        }
    }

    void Index(FakeColumn column, FakeItem item)
    {
        AddToLookup(column, item);
        if (_unique.TryGetValue(column.Name, out var index) && item.ValueOf(column) is { } value)
            index[FieldValues.UniqueKey(value)] = item.Id;
    }

    void Unindex(FakeColumn column, FakeItem item)
    {
        RemoveFromLookup(column, item);
        if (_unique.TryGetValue(column.Name, out var index) && item.ValueOf(column) is { } value)
            index.Remove(FieldValues.UniqueKey(value));
    }
}
