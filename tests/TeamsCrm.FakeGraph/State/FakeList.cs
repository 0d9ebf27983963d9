using System.Text.Json.Nodes;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// A SharePoint generic list: its columns and items. Every read and write takes the list's lock, so a refused write
/// (412, 409, 400) is checked in full before anything changes.
/// </summary>
public sealed partial class FakeList
{
    /// <summary>SharePoint allows 20 indexes on a list (ID's is not counted).</summary>
    public const int MaxIndexes = 20;

    readonly object _sync = new();
    readonly List<FakeColumn> _columns = [];
    readonly SortedDictionary<int, FakeItem> _items = [];
    readonly Dictionary<string, Dictionary<string, int>> _unique = new(StringComparer.Ordinal);
    readonly TimeProvider _clock;
    int _lastId;

    public string Id { get; } = Guid.NewGuid().ToString();
    public required string SiteId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>The list's URL name, fixed at creation like SharePoint's (later renames keep it).</summary>
    public string Name => DisplayName.Replace(" ", "");
    public string Template { get; }
    public DateTimeOffset Created { get; }
    public DateTimeOffset Modified { get; private set; }

    internal FakeList(TimeProvider clock, string template = GenericList)
    {
        _clock = clock;
        Template = template;
        Created = Modified = clock.GetUtcNow();
        // What the genericList template provides: Title (required, like the template's), plus ID, Created, Modified.
        // A document library's Title is optional (uploads leave it empty) and it adds the file name, FileLeafRef.
        _columns.Add(FakeColumn.Builtin("Title", ColumnType.Text, required: !IsLibrary, readOnly: false));
        _columns.Add(FakeColumn.Builtin("ID", ColumnType.Counter, indexed: true));
        _columns.Add(FakeColumn.Builtin("Created", ColumnType.DateTime));
        _columns.Add(FakeColumn.Builtin("Modified", ColumnType.DateTime));
        if (IsLibrary) _columns.Add(FakeColumn.Builtin("FileLeafRef", ColumnType.Text));
    }

    public int Count { get { lock (_sync) return _items.Count; } }

    public IReadOnlyList<FakeColumn> Columns { get { lock (_sync) return [.. _columns]; } }

    /// <summary>Copies of every item, by id, for assertions.</summary>
    public IReadOnlyList<FakeItem> Snapshot() { lock (_sync) return _items.Values.Select(i => i.Copy()).ToList(); }

    public FakeItem? Find(int id) { lock (_sync) return _items.TryGetValue(id, out var item) ? item.Copy() : null; }

    public FakeColumn? Column(string idOrName) { lock (_sync) return FindColumn(idOrName); }

    FakeColumn? FindColumn(string idOrName) =>
        _columns.FirstOrDefault(c => c.Name == idOrName) ?? _columns.FirstOrDefault(c => string.Equals(c.Id, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs a query (or any read) against the live items under the lock.</summary>
    internal T Read<T>(Func<IReadOnlyCollection<FakeItem>, IReadOnlyList<FakeColumn>, T> reader)
    {
        lock (_sync) return reader(_items.Values, _columns);
    }

    public FakeItem CreateItem(JsonObject fields)
    {
        RefuseOnLibrary();
        lock (_sync) return Insert(Resolve(fields.Select(p => (p.Key, (Func<FakeColumn, object?>)(c => FieldValues.FromJson(c, p.Value)))))).Copy();
    }

    /// <summary>Bulk seeding for tests and benchmarks: the same rules as POST …/items, without HTTP.</summary>
    public int Seed(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        RefuseOnLibrary();
        lock (_sync)
        {
            var count = 0;
            foreach (var row in rows)
            {
                Insert(Resolve(row.Select(p => (p.Key, (Func<FakeColumn, object?>)(c => FieldValues.FromClr(c, p.Value))))));
                count++;
            }
            return count;
        }
    }

    public FakeItem UpdateItem(int id, JsonObject fields, string? ifMatch)
    {
        lock (_sync)
        {
            var item = Existing(id, ifMatch);
            var changes = Resolve(fields.Select(p => (p.Key, (Func<FakeColumn, object?>)(c => FieldValues.FromJson(c, p.Value)))));
            foreach (var (column, value) in changes)
                if (column.Required && value is null) throw Required(column);
            CheckUnique(changes, item.Id);
            foreach (var (column, value) in changes)
            {
                Unindex(column, item);
                item.Values[column.Name] = value;
                Index(column, item);
            }
            item.Version++;                       // every successful update is a new version, even an empty one
            item.Modified = Modified = _clock.GetUtcNow();
            return item.Copy();
        }
    }

    public void DeleteItem(int id, string? ifMatch)
    {
        if (Drive is { } drive)
        {
            drive.DeleteListItem(id, ifMatch);   // the file (or the folder and all it holds) goes with its list item
            return;
        }
        lock (_sync)
        {
            var item = Existing(id, ifMatch);
            foreach (var column in _columns) Unindex(column, item);
            _items.Remove(id);
            Modified = _clock.GetUtcNow();
        }
    }

    FakeItem Existing(int id, string? ifMatch)
    {
        if (!_items.TryGetValue(id, out var item)) throw GraphError.NotFound("Item not found");
        if (ifMatch is not null && !ETags.Matches(ifMatch, item)) throw GraphError.PreconditionFailed();
        return item;
    }

    FakeItem Insert(Dictionary<FakeColumn, object?> values)
    {
        foreach (var column in _columns.Where(c => c.Required && !c.ReadOnly))
            if (values.GetValueOrDefault(column) is null) throw Required(column);
        CheckUnique(values, exceptItemId: 0);
        var now = _clock.GetUtcNow();
        var item = new FakeItem { Id = ++_lastId, UniqueId = Guid.NewGuid(), Created = now, Modified = now };
        foreach (var (column, value) in values) if (value is not null) item.Values[column.Name] = value;
        _items.Add(item.Id, item);
        foreach (var column in values.Keys) Index(column, item);
        Modified = now;
        return item;
    }

    /// <summary>Maps written keys to columns: annotations (key@odata.type) are skipped, unknown and read-only fields refused.</summary>
    Dictionary<FakeColumn, object?> Resolve(IEnumerable<(string Key, Func<FakeColumn, object?> Convert)> fields)
    {
        var values = new Dictionary<FakeColumn, object?>();
        foreach (var (key, convert) in fields)
        {
            if (key.Contains('@')) continue;
            var column = _columns.FirstOrDefault(c => c.FieldKey == key)
                ?? (key is "id" ? _columns.First(c => c.Name == "ID") : null)
                ?? throw GraphError.BadRequest($"Field '{key}' is not recognized");
            if (column.ReadOnly) throw GraphError.BadRequest($"Field '{key}' is read-only");
            values[column] = convert(column);
        }
        return values;
    }

    static GraphError Required(FakeColumn column) => GraphError.BadRequest($"Field '{column.Name}' is required.");
}
