using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// Everything the fake tenant holds: sites (made on first use) with their lists and libraries, the user directory,
/// the bytes of drive files (<see cref="Content"/>, on disk) and the open upload sessions.
/// </summary>
public sealed class GraphStore(TimeProvider clock, ContentStore content)
{
    readonly ConcurrentDictionary<string, FakeSite> _sites = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, string> _siteAliases = new(StringComparer.OrdinalIgnoreCase);

    public FakeDirectory Directory { get; } = new();
    public ContentStore Content { get; } = content;
    internal UploadSessions Uploads { get; } = new(clock);
    /// <summary>Upload sessions neither committed, cancelled nor expired: what a client that gave up on an upload must not leave.</summary>
    public int OpenUploadSessions => Uploads.Count;
    public IReadOnlyCollection<FakeSite> Sites => [.. _sites.Values];

    /// <summary>
    /// Any site id works and creates the site. The path form "host:/sites/name" gets Graph's composite id
    /// "host,{site guid},{web guid}", and later calls may use either.
    /// </summary>
    public FakeSite Site(string idOrPath)
    {
        if (_siteAliases.TryGetValue(idOrPath, out var id)) idOrPath = id;
        else if (idOrPath.Contains(':'))
        {
            var host = idOrPath[..idOrPath.IndexOf(':')];
            var hash = MD5.HashData(Encoding.UTF8.GetBytes(idOrPath.TrimEnd(':', '/').ToLowerInvariant()));
            var composite = $"{host},{new Guid(hash)},{new Guid(MD5.HashData(hash))}";
            _siteAliases[idOrPath] = composite;
            idOrPath = composite;
        }
        return _sites.GetOrAdd(idOrPath, key => new FakeSite(key, clock, Content));
    }

    /// <summary>A list by site and id or display name, or null.</summary>
    public FakeList? FindList(string siteId, string listIdOrName) => Site(siteId).FindList(listIdOrName);

    /// <summary>For tests: a list by display name in whichever site holds it.</summary>
    public FakeList List(string displayName) =>
        _sites.Values.Select(s => s.FindList(displayName)).FirstOrDefault(l => l is not null)
        ?? throw new InvalidOperationException($"No list named '{displayName}' in the fake.");

    /// <summary>A document library's drive by its id, in whichever site holds it, or null.</summary>
    public FakeDrive? FindDrive(string driveId) =>
        _sites.Values.SelectMany(s => s.Lists).Select(l => l.Drive).FirstOrDefault(d => d is not null && d.Id == driveId);

    /// <summary>For tests: a document library's drive by the library's title.</summary>
    public FakeDrive Drive(string libraryTitle) =>
        List(libraryTitle).Drive ?? throw new InvalidOperationException($"'{libraryTitle}' is a list, not a document library.");

    /// <summary>Forgets every site, list, user, file and upload session.</summary>
    public void Clear()
    {
        Uploads.Clear();
        _sites.Clear();
        _siteAliases.Clear();
        Directory.Clear();
        Content.Clear();
    }
}

/// <summary>A SharePoint site: a bag of lists and document libraries with unique display names.</summary>
public sealed class FakeSite(string id, TimeProvider clock, ContentStore content)
{
    readonly ConcurrentDictionary<string, FakeList> _lists = new(StringComparer.OrdinalIgnoreCase);
    readonly object _create = new();

    public string Id { get; } = id;
    public IReadOnlyCollection<FakeList> Lists => [.. _lists.Values.OrderBy(l => l.Created)];

    public FakeList? FindList(string idOrName) =>
        _lists.TryGetValue(idOrName, out var byId) ? byId
        : _lists.Values.FirstOrDefault(l => string.Equals(l.DisplayName, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Creates a genericList, or a documentLibrary (a list with a drive); SharePoint refuses a second list with the
    /// same title.
    /// </summary>
    public FakeList CreateList(string displayName, IEnumerable<FakeColumn> columns, string template = FakeList.GenericList)
    {
        lock (_create)
        {
            if (FindList(displayName) is not null) throw GraphError.Conflict($"A list named '{displayName}' already exists on this site.");
            var list = new FakeList(clock, template) { SiteId = Id, DisplayName = displayName };
            if (list.IsLibrary) list.Drive = new FakeDrive(list, content, clock);
            foreach (var column in columns) list.AddColumn(column);
            _lists[list.Id] = list;
            return list;
        }
    }

    public FakeList CreateList(string displayName) => CreateList(displayName, []);
}
