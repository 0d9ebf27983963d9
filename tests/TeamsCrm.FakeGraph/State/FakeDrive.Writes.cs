using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>Folders made, files stored and replaced, items deleted: each checked in full before anything changes.</summary>
public sealed partial class FakeDrive
{
    /// <summary>What storing content at a target will do: replace an existing file, or add a file under a name.</summary>
    sealed record Plan(FakeDriveItem? Replace, FakeDriveItem? Parent, string? Name);

    /// <summary>POST …/children {name, folder:{}}: 201 with the folder, or 409 nameAlreadyExists when it must not be renamed.</summary>
    internal FakeDriveItem CreateFolder(DriveAddress parentAddress, string name, ConflictBehavior behavior)
    {
        DriveNames.Check(name);
        lock (Sync)
        {
            var parent = Find(parentAddress);
            if (parent.Children is not { } siblings) throw GraphError.BadRequest($"'{parent.Name}' is a file, not a folder.");
            if (siblings.TryGetValue(name, out var existing))
            {
                switch (behavior)
                {
                    case ConflictBehavior.Fail: throw NameTaken(existing.Name);
                    case ConflictBehavior.Rename: name = DriveNames.FreeName(siblings, name, folder: true); break;
                    default: Remove(existing); break;   // replace: what was there goes, an empty folder takes its name
                }
            }
            return Add(parent, name, content: null);
        }
    }

    /// <summary>Checks an upload before its bytes arrive (a missing folder, a taken name under "fail", a stale If-Match).</summary>
    internal void Check(FileTarget target, ConflictBehavior behavior, string? ifMatch)
    {
        lock (Sync) PlanFor(target, behavior, ifMatch);
    }

    /// <summary>
    /// Stores an upload already on disk (<paramref name="uploaded"/>, moved into the store only if everything holds):
    /// a new file (Created) or new content for an existing one (a new version of its list item).
    /// </summary>
    internal (FakeDriveItem Item, bool Created) Commit(FileTarget target, string uploaded, long size, string quickXorHash,
        ConflictBehavior behavior, string? ifMatch)
    {
        string? oldContent;
        (FakeDriveItem, bool) result;
        lock (Sync)
        {
            var plan = PlanFor(target, behavior, ifMatch);
            var name = plan.Replace?.Name ?? plan.Name!;
            var content = new StoredFile(_content.Adopt(uploaded), size, quickXorHash, DriveNames.MimeType(name));
            if (plan.Replace is { } file)
            {
                oldContent = file.Content?.ContentFile;
                file.Content = content;
                file.ContentVersion++;
                file.Modified = _list.NewVersion(file.ListItemId!.Value).Modified;
                result = (file, false);
            }
            else
            {
                oldContent = null;
                result = (Add(plan.Parent!, name, content), true);
            }
        }
        ContentStore.Delete(oldContent);
        return result;
    }

    /// <summary>DELETE …/items/{id}: the item, and for a folder everything below it, with their list items and bytes.</summary>
    internal void Delete(DriveAddress address, string? ifMatch)
    {
        lock (Sync)
        {
            var item = Find(address);
            if (item.IsRoot) throw GraphError.BadRequest("The root folder of a drive cannot be deleted.");
            if (ifMatch is not null && !Matches(ifMatch, item)) throw GraphError.PreconditionFailed();
            Remove(item);
        }
    }

    /// <summary>DELETE …/lists/{library}/items/{id}: the same, with the list item's eTag for If-Match.</summary>
    internal void DeleteListItem(int listItemId, string? ifMatch)
    {
        lock (Sync)
        {
            var item = ByListItem(listItemId) ?? throw GraphError.NotFound("Item not found");
            if (ifMatch is not null && !ETags.Matches(ifMatch, _list.Live(listItemId)!)) throw GraphError.PreconditionFailed();
            Remove(item);
        }
    }

    /// <summary>For tests and benchmarks: a file at a path with the given bytes, folders made on the way, no HTTP.</summary>
    public DriveEntry SeedFile(string path, ReadOnlySpan<byte> bytes)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var incoming = _content.IncomingFile();
        File.WriteAllBytes(incoming, bytes.ToArray());
        var hash = QuickXorHash.Of(bytes);
        lock (Sync)
        {
            var folder = Root;
            foreach (var name in segments[..^1])
                folder = folder.Children!.GetValueOrDefault(name) ?? CreateFolder(DriveAddress.ById(folder.Id), name, ConflictBehavior.Fail);
            var (file, _) = Commit(new FileTarget(folder.Id, segments[^1], null), incoming, bytes.Length, hash, ConflictBehavior.Replace, null);
            return Copy(file);
        }
    }

    Plan PlanFor(FileTarget target, ConflictBehavior behavior, string? ifMatch)
    {
        if (target.ItemId is { } id)
        {
            var file = FindById(id) ?? throw NotFound();
            if (ifMatch is not null && !Matches(ifMatch, file)) throw GraphError.PreconditionFailed();
            return new Plan(file, null, null);
        }
        var parent = FindById(target.ParentId!) ?? throw NotFound();
        var siblings = parent.Children ?? throw GraphError.BadRequest($"'{parent.Name}' is a file, not a folder.");
        if (!siblings.TryGetValue(target.Name!, out var existing))
        {
            // If-Match on something that does not exist cannot match (HTTP's rule; "*" included).
            if (ifMatch is not null) throw GraphError.PreconditionFailed();
            return new Plan(null, parent, target.Name);
        }
        if (behavior == ConflictBehavior.Rename) return new Plan(null, parent, DriveNames.FreeName(siblings, target.Name!, folder: false));
        if (behavior == ConflictBehavior.Fail || existing.IsFolder) throw NameTaken(existing.Name);
        if (ifMatch is not null && !Matches(ifMatch, existing)) throw GraphError.PreconditionFailed();
        return new Plan(existing, null, null);
    }

    FakeDriveItem Add(FakeDriveItem parent, string name, StoredFile? content)
    {
        var uniqueId = Guid.NewGuid();
        var listItem = _list.AddLibraryItem(uniqueId, name, folder: content is null);
        var item = new FakeDriveItem
        {
            Id = NewItemId(), UniqueId = uniqueId, Name = name, Parent = parent, ListItemId = listItem.Id,
            Created = listItem.Created, Modified = listItem.Modified, Content = content,
            Children = content is null ? new(StringComparer.OrdinalIgnoreCase) : null,
        };
        parent.Children![name] = item;
        parent.Modified = listItem.Created;
        _byId[item.Id] = item;
        _byListItem[listItem.Id] = item;
        return item;
    }

    void Remove(FakeDriveItem item)
    {
        foreach (var gone in item.SelfAndDescendants().ToList())
        {
            _byId.Remove(gone.Id);
            if (gone.ListItemId is { } listItemId)
            {
                _byListItem.Remove(listItemId);
                _list.RemoveLibraryItem(listItemId);
            }
            ContentStore.Delete(gone.Content?.ContentFile);
        }
        item.Parent!.Children!.Remove(item.Name);
        item.Parent.Modified = _clock.GetUtcNow();
    }

    static GraphError NameTaken(string name) => GraphError.Conflict($"An item named '{name}' already exists in this folder.");
}
