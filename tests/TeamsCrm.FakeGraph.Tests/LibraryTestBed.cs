using System.Net.Http.Headers;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using GraphList = Microsoft.Graph.Models.List;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>A document library made through the SDK as a provisioner would: its list id and its drive id.</summary>
public sealed record Library(string ListId, string DriveId);

/// <summary>The drive calls the tests make, written the way an app written against the Graph docs makes them.</summary>
public static class LibraryTestBed
{
    public const string ConflictBehavior = "@microsoft.graph.conflictBehavior";
    /// <summary>A fragment size the tests use: a multiple of 320 KiB, as every fragment but the last must be.</summary>
    public const int Slice = 3 * 320 * 1024;

    /// <summary>"Documents" with CustomerNumber (indexed) and Category (not indexed), and its drive.</summary>
    public static async Task<Library> CreateLibraryAsync(this GraphTestBed bed, string name = "Documents")
    {
        var list = await bed.Graph.Sites[GraphTestBed.Site].Lists.PostAsync(new GraphList
        {
            DisplayName = name,
            ListProp = new ListInfo { Template = "documentLibrary" },
            Columns =
            [
                new ColumnDefinition { Name = "CustomerNumber", Text = new TextColumn(), Indexed = true },
                new ColumnDefinition { Name = "Category", Text = new TextColumn() },
            ],
        });
        var drive = await bed.Graph.Sites[GraphTestBed.Site].Lists[list!.Id].Drive.GetAsync();
        return new Library(list.Id!, drive!.Id!);
    }

    /// <summary>PUT …/root:/{path}:/content, the conflict behaviour in the query string as the docs put it.</summary>
    public static async Task<DriveItem> PutAsync(this GraphTestBed bed, string driveId, string path, byte[] bytes,
        string? conflict = null, string? ifMatch = null)
    {
        var content = bed.Graph.Drives[driveId].Items["root"].ItemWithPath(path).Content;
        if (conflict is not null)
            content = content.WithUrl(content.ToPutRequestInformation(Stream.Null).URI.AbsoluteUri + $"?{ConflictBehavior}={conflict}");
        return (await content.PutAsync(new MemoryStream(bytes), c =>
        {
            if (ifMatch is not null) c.Headers.Add("If-Match", ifMatch);
        }))!;
    }

    /// <summary>POST …/children {name, folder:{}, conflictBehavior} below the root or a path.</summary>
    public static async Task<DriveItem> FolderAsync(this GraphTestBed bed, string driveId, string name, string? under = null, string conflict = "fail")
    {
        var parent = bed.Graph.Drives[driveId].Items["root"];
        var children = under is null ? parent.Children : parent.ItemWithPath(under).Children;
        return (await children.PostAsync(new DriveItem
        {
            Name = name, Folder = new Folder(), AdditionalData = new Dictionary<string, object> { [ConflictBehavior] = conflict },
        }))!;
    }

    /// <summary>POST …/root:/{path}:/createUploadSession {item:{name, conflictBehavior}}, as the reference shows the SDK call.</summary>
    public static async Task<UploadSession> CreateSessionAsync(this GraphTestBed bed, Library library, string path, string conflict = "replace") =>
        (await bed.Graph.Drives[library.DriveId].Items["root"].ItemWithPath(path).CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties
            {
                Name = path.Split('/')[^1],
                AdditionalData = new Dictionary<string, object> { [ConflictBehavior] = conflict },
            },
        }))!;

    /// <summary>One fragment of <paramref name="file"/> to an upload URL, with its Content-Range, as raw HTTP.</summary>
    public static async Task<HttpResponseMessage> PutRangeAsync(this GraphTestBed bed, string uploadUrl, byte[] file, long from, long to)
    {
        var content = new ByteArrayContent(file, (int)from, (int)(to - from + 1));
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, file.Length);
        return await bed.Http.PutAsync(uploadUrl, content);
    }

    public static byte[] Bytes(int count, int seed = 1)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(this Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
