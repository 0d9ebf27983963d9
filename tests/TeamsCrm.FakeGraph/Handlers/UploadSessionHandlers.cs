using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsCrm.FakeGraph.Protocol;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>
/// Resumable uploads as the createUploadSession page describes them: POST …/createUploadSession gives an uploadUrl on
/// the (fake) SharePoint host; PUTs to it carry the file in order, in fragments that are multiples of 320 KiB (the last
/// excepted) and under 60 MiB, each with Content-Range "bytes a-b/total"; partial ones answer 202 with
/// nextExpectedRanges, the last one 201/200 with the driveItem. GET on the URL reports progress, DELETE cancels, and
/// with deferCommit an empty POST finishes. Fragments stream to a file on disk.
/// </summary>
internal static partial class UploadSessionHandlers
{
    public const int FragmentMultiple = 320 * 1024;
    /// <summary>"The maximum bytes in any given request is less than 60 MiB."</summary>
    public const long MaxFragment = 60L * 1024 * 1024 - 1;

    /// <summary>
    /// POST …:/{name}:/createUploadSession {item:{"@microsoft.graph.conflictBehavior", name, fileSize}, deferCommit}
    /// (fail is the default), or …/items/{id}/createUploadSession for new content of a file → 200 with the session.
    /// A name that is taken under "fail" is refused now and again at commit; If-Match is checked now.
    /// </summary>
    public static GraphResponse Create(GraphContext g, GraphRequest r, FakeDrive drive, DriveAddress address)
    {
        var body = r.Body as JsonObject ?? [];
        var item = body["item"] as JsonObject ?? [];
        var target = drive.Read(() => drive.TargetOf(address));
        if (target.Name is { } pathName && Text(item, "name") is { } bodyName && bodyName != pathName)
            throw GraphError.BadRequest("The name in the provided oneDrive.item does not match the name in the URL.");
        var behavior = target.ItemId is not null ? ConflictBehavior.Replace
            : DriveNames.ParseBehavior(Text(item, DriveItemHandlers.ConflictBehaviorKey), ConflictBehavior.Fail);
        drive.Check(target, behavior, r.Header("If-Match"));
        long? fileSize = item["fileSize"] is JsonValue size && size.GetValueKind() == JsonValueKind.Number ? size.GetValue<long>() : null;
        if (fileSize < 0) throw GraphError.BadRequest("item.fileSize cannot be negative.");

        var id = Guid.NewGuid().ToString("N");
        var session = new UploadSession
        {
            Id = id, Drive = drive, Target = target, Behavior = behavior, PartFile = g.Store.Content.SessionFile(id),
            DeferCommit = body["deferCommit"] is JsonValue defer && defer.GetValueKind() == JsonValueKind.True,
            Total = fileSize, ExpiresAt = g.Clock.GetUtcNow() + g.Options.UploadSessionLifetime,
        };
        g.Store.Uploads.Add(session);
        return GraphResponse.Ok(DriveJson.UploadSession(session, $"{r.HostRoot}{SharePointHost.UploadPath}/{id}", r.BaseUrl));
    }

    /// <summary>
    /// PUT {uploadUrl} with Content-Range "bytes a-b/total": 202 {expirationDateTime, nextExpectedRanges:["b+1-"]}
    /// while bytes are missing; the last fragment commits (201 new, 200 replaced; 409 when the name was taken meanwhile
    /// under "fail", and that fragment is then not counted as received). 416 for a fragment that does not start where
    /// the next expected byte is (already received, overlapping, or leaving a gap) or that declares another total.
    /// </summary>
    public static async Task<GraphResponse> PutFragmentAsync(GraphContext g, GraphRequest r, string sessionId)
    {
        // The upload URL is pre-authenticated; the page warns that sending a token anyway "may result in 401".
        if (!string.IsNullOrEmpty(r.Header("Authorization")))
            throw new GraphError(401, "unauthenticated", "Do not send an Authorization header to an upload URL: it is pre-authenticated.");
        var (from, to, total) = ContentRange(r.Header("Content-Range"));
        var length = to - from + 1;
        if (ContentHandlers.ContentLength(r) is { } declared && declared != length)
            throw GraphError.BadRequest($"Content-Length {declared} does not match Content-Range bytes {from}-{to} ({length} bytes).");
        if (length > MaxFragment) throw ContentStore.TooLarge(MaxFragment);
        var last = to == total - 1;
        if (!last && length % FragmentMultiple != 0)
            throw GraphError.BadRequest($"A fragment other than the last must be a multiple of 320 KiB ({FragmentMultiple} bytes); this one has {length}.");

        var session = Find(g, sessionId);
        await session.Gate.WaitAsync(r.Aborted);
        try
        {
            if (session.Ended) throw NotFound();
            if (session.Total is { } known && known != total)
                throw InvalidRange($"The fragment declares a total of {total} bytes; this session's file has {known}.");
            if (from != session.Next)
                throw InvalidRange(from < session.Next
                    ? $"Bytes {from}-{Math.Min(to, session.Next - 1)} were already received; the next expected byte is {session.Next}."
                    : $"Fragments must arrive in order; the next expected byte is {session.Next}, not {from}.");
            var hash = session.Hash.Clone();
            await ContentStore.ReceiveAsync(r.Content!, session.PartFile, from, length, length, hash, r.Aborted);
            if (session.Ended) throw NotFound();   // cancelled or expired while the bytes came in
            var before = session.Hash;
            (session.Total, session.Next, session.Hash) = (total, to + 1, hash);
            session.ExpiresAt = g.Clock.GetUtcNow() + g.Options.UploadSessionLifetime;
            if (!session.Complete || session.DeferCommit) return Progress(session, r);
            try
            {
                return Commit(g, r, session);
            }
            catch (GraphError)
            {
                (session.Next, session.Hash) = (from, before);   // the last fragment can be sent again once the cause is fixed
                throw;
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>GET {uploadUrl}: 200 {expirationDateTime, nextExpectedRanges}, to resume from; 404 once the session is gone.</summary>
    public static GraphResponse Status(GraphContext g, GraphRequest r, string sessionId) => Progress(Find(g, sessionId), r, status: 200);

    /// <summary>DELETE {uploadUrl}: 204, the fragments are removed; the URL answers 404 afterwards.</summary>
    public static async Task<GraphResponse> CancelAsync(GraphContext g, GraphRequest r, string sessionId)
    {
        var session = Find(g, sessionId);
        await session.Gate.WaitAsync(r.Aborted);
        try { g.Store.Uploads.End(session); }
        finally { session.Gate.Release(); }
        return GraphResponse.NoContent();
    }

    /// <summary>POST {uploadUrl} with no body, for a session made with deferCommit once every byte is in: 201/200 with the driveItem.</summary>
    public static async Task<GraphResponse> CommitAsync(GraphContext g, GraphRequest r, string sessionId)
    {
        var session = Find(g, sessionId);
        await session.Gate.WaitAsync(r.Aborted);
        try
        {
            if (session.Ended) throw NotFound();
            if (!session.DeferCommit) throw GraphError.BadRequest("This upload session commits with its last fragment; it was not created with deferCommit.");
            if (!session.Complete) throw GraphError.BadRequest($"The upload is not complete: the next expected byte is {session.Next}.");
            return Commit(g, r, session);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    static GraphResponse Commit(GraphContext g, GraphRequest r, UploadSession session)
    {
        var drive = session.Drive;
        var (item, created) = drive.Commit(session.Target, session.PartFile, session.Total!.Value, session.Hash.ToBase64(), session.Behavior, ifMatch: null);
        g.Store.Uploads.End(session);
        var json = drive.Read(() => DriveJson.Item(g, r, drive, item, DriveItemOptions.Default));
        return created ? GraphResponse.Created(json) : GraphResponse.Ok(json);
    }

    /// <summary>202 (or 200 for GET) with nextExpectedRanges: LargeFileUploadTask reads a body with that property as "in progress".</summary>
    static GraphResponse Progress(UploadSession session, GraphRequest r, int status = 202) =>
        new(status, DriveJson.UploadSession(session, uploadUrl: null, r.BaseUrl));

    static UploadSession Find(GraphContext g, string sessionId) => g.Store.Uploads.Find(sessionId) ?? throw NotFound();

    static (long From, long To, long Total) ContentRange(string? header)
    {
        if (header is null || BytesRange().Match(header) is not { Success: true } m)
            throw GraphError.BadRequest($"A fragment needs Content-Range: bytes {{first}}-{{last}}/{{total}} (got '{header}').");
        var (from, to, total) = (Number(m, "from"), Number(m, "to"), Number(m, "total"));
        if (to < from || to >= total) throw GraphError.BadRequest($"Content-Range '{header}' is not a range inside the file.");
        return (from, to, total);
    }

    static long Number(Match m, string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    static GraphError InvalidRange(string message) => new(416, "invalidRange", message);

    static GraphError NotFound() => new(404, "itemNotFound", "The upload session does not exist: it was completed, cancelled or has expired.");

    static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex(@"^\s*bytes\s+(?<from>\d{1,18})-(?<to>\d{1,18})/(?<total>\d{1,18})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BytesRange();
}
