using System.Net;

namespace TeamsCrm.BotFramework.Tests.Hosting;

/// <summary>A body without Content-Length: HttpClient sends it chunked, so the server learns its size only by reading.</summary>
sealed class UnsizedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
