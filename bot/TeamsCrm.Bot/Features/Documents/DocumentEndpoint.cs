using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// GET /documents: a signed link to one document (made for one reader, expiring; <see cref="DownloadLinks"/>). The reader's
/// rights are checked again now — they must still see the file in full — and a read of a file not their own is logged.
/// The content streams from the store; nothing is held in memory. Anything wrong is a 403 with nothing in it.
/// </summary>
public static class DocumentEndpoint
{
    public static void MapDocuments(this WebApplication app) => app.MapGet("/documents", ServeAsync);

    static async Task<IResult> ServeAsync(HttpRequest http, DownloadLinks links, IDirectory directory, ICrmArchive archive, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (links.Verify(http.Query) is not { Kind: DownloadKind.Document } request
            || await DocumentAccess.ReadableAsync(request.UserAadObjectId, request.Argument, archive, directory, now, ct) is not { } readable)
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        await DocumentAccess.LogAsync(readable, "document opened", archive, now, ct);
        var content = await archive.Documents.OpenReadAsync(readable.Document, ct);
        return Results.Stream(content, readable.Document.ContentType, readable.Document.OriginalName);
    }
}
