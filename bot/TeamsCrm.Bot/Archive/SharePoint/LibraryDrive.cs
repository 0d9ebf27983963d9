using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// The documents' library seen as a drive: its id, read once, and the ids of its folders, made when first needed and
/// remembered (a process files into the same folders again and again, so most operations need no folder call at all).
/// </summary>
sealed class LibraryDrive(SharePointSite site)
{
    const string ConflictBehavior = "@microsoft.graph.conflictBehavior";

    readonly ConcurrentDictionary<string, string> _folders = new(StringComparer.OrdinalIgnoreCase);
    string? _driveId;

    public GraphServiceClient Graph => site.Graph;

    /// <summary>One round trip the first time: GET /sites/{s}/lists/{library}/drive.</summary>
    public async Task<string> IdAsync(CancellationToken ct)
    {
        if (_driveId is { } known) return known;
        var listId = await site.ListIdAsync(SharePointLists.Documents, ct);
        var drive = await SharePointSite.Unwrapped(() => Graph.Sites[site.SiteId].Lists[listId].Drive.GetAsync(c => c.QueryParameters.Select = ["id"], ct));
        return _driveId = drive?.Id ?? throw new InvalidOperationException($"'{SharePointLists.Documents.Name}' has no drive: is it a document library?");
    }

    /// <summary>
    /// Runs <paramref name="use"/> with the id of the folder at <paramref name="path"/>; if that folder is gone (404: deleted by
    /// hand, or purged by another instance) the remembered id is dropped, the folder made again and <paramref name="use"/> run once more.
    /// </summary>
    public async Task<T> InFolderAsync<T>(string path, Func<string, Task<T>> use, CancellationToken ct)
    {
        var id = await FolderIdAsync(path, ct);
        try
        {
            return await use(id);
        }
        catch (Exception e) when (SharePointSite.Is(e, 404))
        {
            Forget(path);
            return await use(await FolderIdAsync(path, ct));
        }
    }

    public Task InFolderAsync(string path, Func<string, Task> use, CancellationToken ct) =>
        InFolderAsync(path, async id => { await use(id); return true; }, ct);

    /// <summary>
    /// The folder's id, made with its parents when missing: POST …/children with conflictBehavior fail (201 → made; 409 → it
    /// exists, GET its id; 404 → its parent is missing, made first). None when remembered; 1 for a new category folder of a
    /// known customer, 2 for one that exists already, 3 for a new customer's first category folder.
    /// </summary>
    public async Task<string> FolderIdAsync(string path, CancellationToken ct, bool parentMade = false)
    {
        if (_folders.TryGetValue(path, out var known)) return known;
        var driveId = await IdAsync(ct);
        var root = Graph.Drives[driveId].Items["root"];
        var slash = path.LastIndexOf('/');
        var (parent, name) = slash < 0 ? (null, path) : (path[..slash], path[(slash + 1)..]);
        var children = parent is null ? root.Children : root.ItemWithPath(parent).Children;
        string id;
        try
        {
            var made = await SharePointSite.Unwrapped(() => children.PostAsync(new DriveItem
            {
                Name = name, Folder = new Folder(), AdditionalData = new Dictionary<string, object> { [ConflictBehavior] = "fail" },
            }, cancellationToken: ct));
            id = made!.Id!;
        }
        catch (Exception e) when (SharePointSite.Is(e, 409))
        {
            id = (await SharePointSite.Unwrapped(() => root.ItemWithPath(path).GetAsync(c => c.QueryParameters.Select = ["id"], ct)))!.Id!;
        }
        catch (Exception e) when (SharePointSite.Is(e, 404) && parent is not null && !parentMade)
        {
            await FolderIdAsync(parent, ct);
            return await FolderIdAsync(path, ct, parentMade: true);
        }
        return _folders[path] = id;
    }

    /// <summary>A folder and everything below it are gone (a purge): their ids are forgotten.</summary>
    public void Forget(string path)
    {
        foreach (var key in _folders.Keys)
            if (key.Equals(path, StringComparison.OrdinalIgnoreCase) || key.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase))
                _folders.TryRemove(key, out _);
    }
}
