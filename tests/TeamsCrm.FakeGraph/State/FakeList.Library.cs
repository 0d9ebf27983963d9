using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// A document library is a list whose items are its files and folders: each has a list item (metadata columns,
/// queried by the list rules) behind its drive item. Those list items are made and removed by the drive, never
/// through POST …/items, and share the list's lock with it so that a file and its metadata change together.
/// </summary>
public sealed partial class FakeList
{
    public const string GenericList = "genericList", DocumentLibrary = "documentLibrary";

    public bool IsLibrary => Template == DocumentLibrary;

    /// <summary>The library's drive; null for a generic list.</summary>
    public FakeDrive? Drive { get; internal set; }

    /// <summary>The one lock for the list's items and, in a library, its drive.</summary>
    internal object Sync => _sync;

    void RefuseOnLibrary()
    {
        if (IsLibrary)
            throw GraphError.BadRequest("Items of a document library are its files and folders: create them through the library's drive (upload, or POST …/children).");
    }

    /// <summary>The list item behind a new file or folder: FileLeafRef holds its name, the rest stays empty.</summary>
    internal FakeItem AddLibraryItem(Guid uniqueId, string name, bool folder)
    {
        lock (_sync)
        {
            var now = _clock.GetUtcNow();
            var item = new FakeItem { Id = ++_lastId, UniqueId = uniqueId, Created = now, Modified = now, ContentType = folder ? "Folder" : "Document" };
            item.Values["FileLeafRef"] = name;
            _items.Add(item.Id, item);
            foreach (var column in _columns) Index(column, item);
            Modified = now;
            return item;
        }
    }

    /// <summary>New content is a new version of the file's list item (its eTag changes, its fields stay).</summary>
    internal FakeItem NewVersion(int id)
    {
        lock (_sync)
        {
            var item = _items[id];
            item.Version++;
            item.Modified = Modified = _clock.GetUtcNow();
            return item;
        }
    }

    /// <summary>A moved or renamed file or folder: FileLeafRef takes the new name, and the item a new version (its eTag moves).</summary>
    internal FakeItem Renamed(int id, string name)
    {
        lock (_sync)
        {
            var item = _items[id];
            var leaf = FindColumn("FileLeafRef")!;
            Unindex(leaf, item);
            item.Values["FileLeafRef"] = name;
            Index(leaf, item);
            item.Version++;
            item.Modified = Modified = _clock.GetUtcNow();
            return item;
        }
    }

    internal void RemoveLibraryItem(int id)
    {
        lock (_sync)
        {
            if (!_items.Remove(id, out var item)) return;
            foreach (var column in _columns) Unindex(column, item);
            Modified = _clock.GetUtcNow();
        }
    }

    /// <summary>The live item (callers hold <see cref="Sync"/>).</summary>
    internal FakeItem? Live(int id) => _items.GetValueOrDefault(id);
}
