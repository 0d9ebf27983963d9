using System.Security.Cryptography;
using System.Text;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>An item as a URL names it: by id ("root" too), optionally followed by a path below it.</summary>
/// <param name="BaseId">"root" or a drive item id.</param>
/// <param name="Path">Decoded segments after <c>root:</c> or <c>items/{id}:</c>; empty when addressed by id alone.</param>
public sealed record DriveAddress(string BaseId, IReadOnlyList<string> Path)
{
    public static DriveAddress ById(string id) => new(id, []);
}

/// <summary>Where new content goes: a name in a folder (a path), or an existing file (an id).</summary>
internal sealed record FileTarget(string? ParentId, string? Name, string? ItemId);

/// <summary>
/// The drive of a document library: a tree of folders and files below a root, each file and folder backed by an
/// item of the library's list. All changes take the list's lock, so a file, its folder and its list item change
/// together or not at all; bytes are already on disk (see <see cref="ContentStore"/>) before the lock is taken.
/// </summary>
public sealed partial class FakeDrive
{
    readonly FakeList _list;
    readonly ContentStore _content;
    readonly TimeProvider _clock;
    readonly Dictionary<string, FakeDriveItem> _byId = new(StringComparer.Ordinal);
    readonly Dictionary<int, FakeDriveItem> _byListItem = [];

    internal FakeDrive(FakeList list, ContentStore content, TimeProvider clock)
    {
        (_list, _content, _clock) = (list, content, clock);
        // SharePoint drive ids are "b!" and base64url of the site and list ids; ours are built the same way.
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes(list.SiteId)).Concat(Guid.Parse(list.Id).ToByteArray()).ToArray();
        Id = "b!" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        Root = new FakeDriveItem
        {
            Id = NewItemId(), UniqueId = Guid.NewGuid(), Name = "root", Created = now, Modified = now,
            Children = new(StringComparer.OrdinalIgnoreCase),
        };
        _byId[Root.Id] = Root;
    }

    public string Id { get; }
    /// <summary>Graph gives a library's drive the library's title as its name.</summary>
    public string Name => _list.DisplayName;
    public FakeList List => _list;
    public string SiteId => _list.SiteId;
    internal FakeDriveItem Root { get; }
    object Sync => _list.Sync;

    /// <summary>A copy of the file or folder at a path below the root ("A/B/c.pdf"), or null.</summary>
    public DriveEntry? Entry(string path)
    {
        lock (Sync)
        {
            var item = Root;
            foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
                if (item.Children?.GetValueOrDefault(segment) is not { } child) return null;
                else item = child;
            return Copy(item);
        }
    }

    /// <summary>Copies of every file and folder (not the root), by path.</summary>
    public IReadOnlyList<DriveEntry> Entries()
    {
        lock (Sync) return [.. Root.SelfAndDescendants().Where(i => !i.IsRoot).Select(Copy).OrderBy(e => e.Path, StringComparer.Ordinal)];
    }

    /// <summary>Runs a read against the live tree under the lock (handlers build their JSON in here).</summary>
    internal T Read<T>(Func<T> read)
    {
        lock (Sync) return read();
    }

    /// <summary>The item an address names; 404 itemNotFound when any part of it is missing.</summary>
    internal FakeDriveItem Find(DriveAddress address)
    {
        var item = address.BaseId.Equals("root", StringComparison.OrdinalIgnoreCase) ? Root
            : _byId.GetValueOrDefault(address.BaseId) ?? throw NotFound();
        foreach (var segment in address.Path)
            item = item.Children?.GetValueOrDefault(segment) ?? throw NotFound();
        return item;
    }

    internal FakeDriveItem? FindById(string id) => _byId.GetValueOrDefault(id);

    internal FakeDriveItem? ByListItem(int listItemId) => _byListItem.GetValueOrDefault(listItemId);

    /// <summary>
    /// Where an upload to an address goes: by path, the folder holding the last segment (it must exist: the fake
    /// does not create folders on the way) and that name; by id, the file itself.
    /// </summary>
    internal FileTarget TargetOf(DriveAddress address)
    {
        if (address.Path.Count == 0)
        {
            var file = Find(address);
            if (file.IsFolder) throw GraphError.BadRequest("A folder has no content to replace; upload to a path below it.");
            return new FileTarget(null, null, file.Id);
        }
        var name = address.Path[^1];
        DriveNames.Check(name);
        var parent = Find(address with { Path = address.Path.Take(address.Path.Count - 1).ToList() });
        if (!parent.IsFolder) throw GraphError.BadRequest($"'{parent.Name}' is a file, not a folder.");
        return new FileTarget(parent.Id, name, null);
    }

    /// <summary>A folder's children in name order (ordinal, ignoring case), as pages are cut from it.</summary>
    internal IReadOnlyList<FakeDriveItem> ChildrenOf(FakeDriveItem folder) =>
        folder.Children is null ? [] : [.. folder.Children.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

    internal FakeItem? ListItemOf(FakeDriveItem item) => item.ListItemId is { } id ? _list.Live(id) : null;

    /// <summary>The driveItem eTag, <c>"{GUID},n"</c>: the list item's version, so metadata changes move it too.</summary>
    internal string ETag(FakeDriveItem item) => $"\"{{{Upper(item.UniqueId)}}},{VersionOf(item)}\"";

    /// <summary>The cTag, <c>"c:{GUID},n"</c>: moves with the content only.</summary>
    internal string CTag(FakeDriveItem item) => $"\"c:{{{Upper(item.UniqueId)}}},{item.ContentVersion}\"";

    internal bool Matches(string ifMatch, FakeDriveItem item) =>
        ETags.Matches(ifMatch, item.UniqueId, VersionOf(item), item.IsFolder ? null : item.ContentVersion);

    /// <summary>Bytes held by the drive's files (a drive's quota.used).</summary>
    internal long Used() => Root.SelfAndDescendants().Sum(i => i.Content?.Size ?? 0);

    int VersionOf(FakeDriveItem item) => ListItemOf(item)?.Version ?? 1;

    DriveEntry Copy(FakeDriveItem item) => new(item.Id, item.Path, item.IsFolder, item.ListItemId ?? 0, item.Content);

    static string Upper(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>"01" and 32 base32 characters, the shape of SharePoint's driveItem ids.</summary>
    static string NewItemId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        var id = new StringBuilder("01", 34);
        foreach (var b in random) id.Append(alphabet[b & 31]);
        return id.ToString();
    }

    static GraphError NotFound() => GraphError.NotFound("The resource could not be found.");
}
