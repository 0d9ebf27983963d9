using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// PATCH …/items/{id} with a new parentReference and/or name: the item moves (or is renamed) with everything below it,
/// keeping its drive item id and its list item, whose FileLeafRef takes the new name.
/// </summary>
public sealed partial class FakeDrive
{
    /// <summary>
    /// Moves <paramref name="address"/> below the folder <paramref name="newParentId"/> (null: where it is) under
    /// <paramref name="newName"/> (null: its own). A name taken by another item: 409 under fail (Graph's default), a
    /// free "name 1.ext" under rename, the other item removed under replace (a folder is never replaced). Moving the
    /// item onto itself changes nothing; a folder cannot go below itself (400); If-Match stale → 412.
    /// </summary>
    internal FakeDriveItem Move(DriveAddress address, string? newParentId, string? newName, ConflictBehavior behavior, string? ifMatch)
    {
        if (newName is not null) DriveNames.Check(newName);
        lock (Sync)
        {
            var item = Find(address);
            if (item.IsRoot) throw GraphError.BadRequest("The root folder of a drive cannot be moved or renamed.");
            if (ifMatch is not null && !Matches(ifMatch, item)) throw GraphError.PreconditionFailed();
            var parent = newParentId is null ? item.Parent! : FindById(newParentId) ?? throw GraphError.NotFound("The destination folder does not exist.");
            if (parent.Children is not { } siblings) throw GraphError.BadRequest($"'{parent.Name}' is a file, not a folder.");
            for (var above = parent; above is not null; above = above.Parent)
                if (above == item) throw GraphError.BadRequest("A folder cannot be moved into itself or into a folder below it.");

            var name = newName ?? item.Name;
            if (parent == item.Parent && name == item.Name) return item;   // nothing to do
            if (siblings.TryGetValue(name, out var existing) && existing != item)
            {
                switch (behavior)
                {
                    case ConflictBehavior.Rename: name = DriveNames.FreeName(siblings, name, item.IsFolder); break;
                    case ConflictBehavior.Replace when !existing.IsFolder: Remove(existing); break;
                    default: throw NameTaken(existing.Name);
                }
            }

            var now = _clock.GetUtcNow();
            item.Parent!.Children!.Remove(item.Name);
            item.Parent.Modified = now;
            item.Name = name;
            item.Parent = parent;
            siblings[name] = item;
            parent.Modified = now;
            item.Modified = _list.Renamed(item.ListItemId!.Value, name).Modified;
            return item;
        }
    }
}
