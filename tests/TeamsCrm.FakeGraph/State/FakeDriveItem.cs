namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// A file or folder of a drive (or its root). Mutable only under the library's lock; tests see
/// <see cref="DriveEntry"/> copies. Its list item (metadata, version) is found through <see cref="ListItemId"/>.
/// </summary>
internal sealed class FakeDriveItem
{
    /// <summary>Opaque, like SharePoint's "01…" ids, and unrelated to the list item's integer id.</summary>
    public required string Id { get; init; }
    /// <summary>Shared with the list item: both eTags carry it.</summary>
    public required Guid UniqueId { get; init; }
    /// <summary>Changed only by a move or rename (<see cref="FakeDrive.Move"/>), which also re-keys it in its folder.</summary>
    public required string Name { get; set; }
    public FakeDriveItem? Parent { get; set; }
    /// <summary>Null for the root, which is the library's root folder rather than an item of it.</summary>
    public int? ListItemId { get; init; }
    /// <summary>A folder's children by name; names are unique in a folder regardless of case. Null for a file.</summary>
    public Dictionary<string, FakeDriveItem>? Children { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }
    /// <summary>A file's current content; null for folders.</summary>
    public StoredFile? Content { get; set; }
    /// <summary>Counts content changes only (the cTag's number); metadata changes move the eTag's.</summary>
    public int ContentVersion { get; set; } = 1;

    public bool IsFolder => Children is not null;
    public bool IsRoot => Parent is null;

    /// <summary>The path below the root, "A/B/c.pdf"; "" for the root.</summary>
    public string Path => Parent is null ? "" : Parent.IsRoot ? Name : Parent.Path + "/" + Name;

    public IEnumerable<FakeDriveItem> SelfAndDescendants() =>
        Children is null ? [this] : Children.Values.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>A file version's bytes on disk, with what Graph reports of them.</summary>
public sealed record StoredFile(string ContentFile, long Size, string QuickXorHash, string MimeType);

/// <summary>A copy of a drive item for assertions.</summary>
public sealed record DriveEntry(string Id, string Path, bool IsFolder, int ListItemId, StoredFile? Content);
