using System.Globalization;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>
/// PUT …/content (a file in one request) and GET …/content (a 302 to a pre-authenticated download URL).
/// </summary>
internal static class ContentHandlers
{
    /// <summary>A simple upload carries at most 250 MB (Graph's current limit; larger files go through an upload session).</summary>
    public const long MaxSimpleUpload = 250L * 1024 * 1024;

    /// <summary>
    /// PUT …:/{name}:/content or …/items/{id}/content: 201 with a new file, 200 with new content for an existing one.
    /// The conflict behaviour comes in the query string (replace by default); If-Match with a stale eTag or cTag → 412.
    /// Everything that can be checked is checked before the bytes stream in (to a temporary file, never to memory);
    /// a body cut short stores nothing.
    /// </summary>
    public static async Task<GraphResponse> PutAsync(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        var body = r.Content ?? throw GraphError.BadRequest("Upload the file's bytes as the body of PUT …/content (not inside a $batch).");
        var behavior = DriveNames.ParseBehavior(r.Query.GetValueOrDefault(DriveItemHandlers.ConflictBehaviorKey), ConflictBehavior.Replace);
        var ifMatch = r.Header("If-Match");
        var length = ContentLength(r);
        if (length > MaxSimpleUpload) throw ContentStore.TooLarge(MaxSimpleUpload);
        var target = drive.Read(() => drive.TargetOf(address));
        drive.Check(target, behavior, ifMatch);

        var incoming = g.Store.Content.IncomingFile();
        try
        {
            var hash = new QuickXorHash();
            var size = await ContentStore.ReceiveAsync(body, incoming, 0, length, MaxSimpleUpload, hash, r.Aborted);
            var (item, created) = drive.Commit(target, incoming, size, hash.ToBase64(), behavior, ifMatch);
            var json = drive.Read(() => DriveJson.Item(g, r, drive, item, DriveItemOptions.Default));
            return created ? GraphResponse.Created(json) : GraphResponse.Ok(json);
        }
        finally
        {
            ContentStore.Delete(incoming);   // moved into the store on success; left over only when refused
        }
    }

    /// <summary>
    /// GET …/content: 302 with Location = the item's pre-authenticated download URL (the SDK's redirect handler follows
    /// it, without the Authorization header); If-None-Match naming the current eTag or cTag → 304.
    /// </summary>
    public static GraphResponse Redirect(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        if (r.Option("format") is not null) throw new GraphError(501, "notImplemented", "The fake does not convert files (format=…).");
        return drive.Read(() =>
        {
            var item = drive.Find(address);
            if (item.Content is null) throw GraphError.BadRequest("A folder has no content to download.");
            if (r.Header("If-None-Match") is { } current && drive.Matches(current, item)) return new GraphResponse(304);
            var response = new GraphResponse(302);
            response.Headers["Location"] = g.Downloads.UrlFor(r.HostRoot, drive.Id, item.Id, item.UniqueId);
            return response;
        });
    }

    public static long? ContentLength(GraphRequest r) => r.Header("Content-Length") is { } text
        ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw GraphError.BadRequest($"Content-Length '{text}' is not a number.")
        : null;
}
