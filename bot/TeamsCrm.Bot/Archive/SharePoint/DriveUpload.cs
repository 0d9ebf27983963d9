using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using TeamsCrm.Bot.Archive.Documents;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// A spooled file into a folder of the library, never whole in memory: up to 4 MiB in one PUT, larger ones through an
/// upload session in 5 MiB slices (<see cref="LargeFileUploadTask{T}"/>). A name taken in the folder is numbered by
/// SharePoint (conflictBehavior rename). A slice that fails (5xx, a dropped connection, throttling beyond the retry
/// handler) is resumed from where the service says it stands; an upload that fails for good, or is cancelled, deletes
/// its session, so that nothing half-written remains. Resuming is not a retry an HTTP handler could make: the next slice
/// starts where the service's nextExpectedRanges say, not where the failed request did.
/// </summary>
sealed partial class DriveUpload(GraphServiceClient graph, ILogger logger)
{
    /// <summary>The reference's limit for one request (Graph now takes more; sessions are advised well before 250 MB).</summary>
    public const long SimpleUploadLimit = 4L * 1024 * 1024;
    /// <summary>16 × 320 KiB: slices must be multiples of 327,680 bytes; 5 MiB is the SDK's default and inside the advised 5–10 MiB.</summary>
    public const int SliceBytes = 16 * 320 * 1024;
    /// <summary>The first try and two resumes.</summary>
    const int MaxAttempts = 3;
    const string Rename = "?@microsoft.graph.conflictBehavior=rename";

    /// <summary>
    /// Round trips: 1 for a small file; 1 + ⌈size / 5 MiB⌉ through a session, and for each resume 1 more (its status)
    /// plus the slices sent again.
    /// </summary>
    public async Task<DriveItem> UploadAsync(string driveId, string folderId, string name, DocumentSpool spool, CancellationToken ct)
    {
        var target = graph.Drives[driveId].Items[folderId].ItemWithPath(name);
        await using var content = spool.OpenRead();
        if (spool.Size <= SimpleUploadLimit)
        {
            // The SDK (6.10) has no query parameter for the conflict behaviour, which Graph wants in the URL.
            var put = target.Content.WithUrl(target.Content.ToPutRequestInformation(Stream.Null).URI.AbsoluteUri + Rename);
            return await SharePointSite.Unwrapped(() => put.PutAsync(content, cancellationToken: ct))
                ?? throw new InvalidOperationException($"Graph answered the upload of '{name}' without the item.");
        }
        var session = await SharePointSite.Unwrapped(() => target.CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            Item = new DriveItemUploadableProperties
            {
                Name = name, AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "rename" },
            },
        }, cancellationToken: ct)) ?? throw new InvalidOperationException($"Graph answered without an upload session for '{name}'.");
        // The archive's own adapter: its retry handler honours Retry-After on the upload host too, and its token is scoped
        // to Graph's host, so none is sent to the pre-authenticated upload URL.
        var task = new LargeFileUploadTask<DriveItem>(session, content, SliceBytes, graph.RequestAdapter);
        try
        {
            return await SendAsync(task, name, ct);
        }
        catch (Exception e)
        {
            await CancelAsync(task, name, e);
            throw;
        }
    }

    async Task<DriveItem> SendAsync(LargeFileUploadTask<DriveItem> task, string name, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = attempt == 1 ? await task.UploadAsync(cancellationToken: ct) : await task.ResumeAsync(cancellationToken: ct);
                return result.UploadSucceeded && result.ItemResponse is { } item ? item
                    : throw new InvalidOperationException($"The upload session of '{name}' ended without the item.");
            }
            catch (Exception e) when (attempt < MaxAttempts && !ct.IsCancellationRequested && Resumable(e))
            {
                LogResuming(logger, name, attempt, e.Message);
            }
        }
    }

    /// <summary>A failure the service may get over: 5xx, throttling the retry handler gave up on, a dropped or timed-out connection.</summary>
    static bool Resumable(Exception e) => e switch
    {
        AggregateException a => a.InnerExceptions.LastOrDefault() is { } last && Resumable(last),
        ApiException api => api.ResponseStatusCode is >= 500 or 429,
        HttpRequestException or IOException or TaskCanceledException => true,
        _ => false,
    };

    /// <summary>DELETE {uploadUrl}; a failure here is logged, not thrown: the upload's own failure is what the caller must see.</summary>
    async Task CancelAsync(LargeFileUploadTask<DriveItem> task, string name, Exception cause)
    {
        try
        {
            await task.DeleteSessionAsync(CancellationToken.None);
            LogCancelled(logger, name, cause.Message);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or ServiceException or ClientException)
        {
            LogCancelFailed(logger, name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading '{Name}' failed on attempt {Attempt} ({Error}); resuming from where the session stands")]
    static partial void LogResuming(ILogger logger, string name, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading '{Name}' failed for good ({Error}); its upload session was deleted")]
    static partial void LogCancelled(ILogger logger, string name, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload session of '{Name}' could not be deleted ({Error}); SharePoint drops it when it expires")]
    static partial void LogCancelFailed(ILogger logger, string name, string error);
}
