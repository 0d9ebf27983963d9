using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using TeamsCrm.BotFramework.Connector;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Files to and from the pre-authenticated URLs Teams hands the bot: a file a person sent (its download.info's downloadUrl)
/// and the upload URL of a file the person agreed to receive (the file consent flow). These URLs carry their own
/// authorisation, so no token is sent; only https (or http to this machine, where the Agents Playground and the tests run).
/// </summary>
public sealed class FileTransfers(HttpClient http)
{
    /// <summary>OneDrive's upload sessions take fragments in multiples of 320 KiB; ten of them keep one fragment near 3 MB in memory.</summary>
    public const int Fragment = 10 * 327_680;

    public static bool IsAllowed(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);

    /// <summary>The file's bytes, streamed; the caller disposes the stream.</summary>
    public async Task<Stream> OpenAsync(Uri url, CancellationToken ct)
    {
        if (!IsAllowed(url)) throw new HttpRequestException($"Not a download address the bot fetches: {url.GetLeftPart(UriPartial.Authority)}");
        var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"The download answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        return new ResponseStream(await response.Content.ReadAsStreamAsync(ct), response);
    }

    /// <summary>
    /// Puts <paramref name="size"/> bytes of <paramref name="content"/> to an upload session's URL, fragment by fragment
    /// (Content-Range: bytes a-b/size), one fragment in memory at a time.
    /// </summary>
    public async Task UploadAsync(Uri uploadUrl, Stream content, long size, CancellationToken ct)
    {
        if (!IsAllowed(uploadUrl)) throw new HttpRequestException($"Not an upload address the bot writes to: {uploadUrl.GetLeftPart(UriPartial.Authority)}");
        var buffer = ArrayPool<byte>.Shared.Rent(Fragment);
        try
        {
            long sent = 0;
            do
            {
                var length = await FillAsync(content, buffer, (int)Math.Min(Fragment, size - sent), ct);
                if (length == 0 && size > 0) throw new EndOfStreamException($"The content ended after {sent} of {size} bytes.");
                using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(buffer, 0, length) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.ContentRange = new ContentRangeHeaderValue(sent, sent + Math.Max(length, 1) - 1, size);
                using var response = await http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Accepted)
                    throw new HttpRequestException($"The upload answered {(int)response.StatusCode}.", null, response.StatusCode);
                sent += length;
            } while (sent < size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static async Task<int> FillAsync(Stream content, byte[] buffer, int want, CancellationToken ct)
    {
        var got = 0;
        while (got < want && await content.ReadAsync(buffer.AsMemory(got, want - got), ct) is var read and > 0) got += read;
        return got;
    }
}
