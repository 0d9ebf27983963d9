using System.Globalization;
using System.Text.RegularExpressions;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>
/// The pre-authenticated download URL on the fake's host (SharePoint's download.aspx): no Authorization needed, the
/// signed token decides. Streams the file from disk; a single Range → 206 with Content-Range, one past the end → 416.
/// </summary>
internal static partial class DownloadHandler
{
    public static GraphResponse Serve(GraphContext g, GraphRequest r)
    {
        // SharePoint refuses an expired or altered tempauth as unauthenticated.
        var (driveId, itemId) = g.Downloads.Read(r.Query.GetValueOrDefault("tempauth"))
            ?? throw new GraphError(401, "unauthenticated", "The download URL is not valid or has expired; ask Graph for a new one.");
        var drive = g.Store.FindDrive(driveId) ?? throw Gone();
        // Opened under the lock: a delete or replace afterwards cannot pull the file from under this download.
        var (file, stream, name) = drive.Read(() =>
        {
            var item = drive.FindById(itemId) ?? throw Gone();
            var content = item.Content ?? throw Gone();
            return (content, (Stream)new FileStream(content.ContentFile, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan), item.Name);
        });
        var size = file.Size;
        var slice = Slice(r.Header("Range"), size);
        if (slice is { Length: 0 })
        {
            stream.Dispose();
            var refused = new GraphError(416, "invalidRange", $"The range '{r.Header("Range")}' is not satisfiable for a file of {size} bytes.").ToResponse(g.Clock);
            refused.Headers["Content-Range"] = $"bytes */{size}";
            return refused;
        }
        var (offset, length, partial) = slice is { } s ? (s.Offset, s.Length, true) : (0L, size, false);
        var response = new GraphResponse(partial ? 206 : 200) { File = new FileSlice(stream, offset, length, file.MimeType) };
        response.Headers["Accept-Ranges"] = "bytes";
        response.Headers["Content-Disposition"] = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(name)}";
        if (partial) response.Headers["Content-Range"] = $"bytes {offset}-{offset + length - 1}/{size}";
        return response;
    }

    /// <summary>
    /// One "bytes=first-last", "bytes=first-" or "bytes=-suffix" range: the part to send, a zero length when it starts
    /// past the end (416), or null to send everything (no Range, several ranges, or one that is malformed, which HTTP
    /// says to ignore).
    /// </summary>
    static (long Offset, long Length)? Slice(string? header, long size)
    {
        if (header is null || header.Contains(',') || Range().Match(header) is not { Success: true } m) return null;
        var (first, last) = (m.Groups["first"].Value, m.Groups["last"].Value);
        if (first.Length == 0 && last.Length == 0) return null;
        if (first.Length == 0)
        {
            var suffix = Math.Min(long.Parse(last, CultureInfo.InvariantCulture), size);
            return suffix == 0 ? (0, 0) : (size - suffix, suffix);
        }
        var start = long.Parse(first, CultureInfo.InvariantCulture);
        var end = last.Length > 0 ? long.Parse(last, CultureInfo.InvariantCulture) : long.MaxValue;
        if (end < start) return null;
        return start >= size ? (start, 0) : (start, Math.Min(end, size - 1) - start + 1);
    }

    static GraphError Gone() => GraphError.NotFound("The file no longer exists.");

    [GeneratedRegex(@"^\s*bytes\s*=\s*(?<first>\d*)\s*-\s*(?<last>\d*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Range();
}
