using System.Buffers;
using Microsoft.AspNetCore.Http;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// Where the bytes of drive files live: on disk, never in memory (a benchmark pushes 100 MB through an upload session
/// and measures memory). Under <see cref="Root"/>: <c>incoming/</c> holds a simple upload while it streams in,
/// <c>sessions/</c> one <c>.part</c> file per upload session, <c>blobs/</c> the content of every stored file version.
/// A finished upload is moved (renamed, not copied) into <c>blobs/</c>; a replaced or deleted file's blob is removed.
/// </summary>
public sealed class ContentStore : IDisposable
{
    const int BufferSize = 64 * 1024;
    readonly bool _owned;

    /// <param name="root">A directory to use; null makes a fresh one under the temp directory, removed on dispose.</param>
    public ContentStore(string? root)
    {
        _owned = root is null;
        Root = root ?? Path.Combine(Path.GetTempPath(), "teamscrm-fakegraph", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    public string Root { get; }

    /// <summary>Files now under <see cref="Root"/> (blobs, session parts, uploads streaming in), for leak assertions.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Root) ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories) : [];

    internal string IncomingFile() => Place("incoming", $"{Guid.NewGuid():N}.tmp");

    internal string SessionFile(string sessionId) => Place("sessions", $"{sessionId}.part");

    /// <summary>Moves a finished upload into blobs/ and answers its new path.</summary>
    internal string Adopt(string uploaded)
    {
        var blob = Place("blobs", Guid.NewGuid().ToString("N"));
        File.Move(uploaded, blob);
        return blob;
    }

    /// <summary>
    /// Removes a file if it is there. A download still streaming it keeps reading (the handle stays valid on Linux;
    /// on Windows downloads open with FileShare.Delete), so a replace or delete never waits for readers.
    /// </summary>
    internal static void Delete(string? path)
    {
        if (path is null) return;
        try { File.Delete(path); }
        catch (IOException) { }          // still open on a platform that refuses; the directory goes on dispose
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Streams <paramref name="body"/> into <paramref name="path"/> at <paramref name="offset"/>, feeding
    /// <paramref name="hash"/>, and answers how many bytes came. The body must hold exactly <paramref name="expected"/>
    /// bytes when that is known (Content-Length), and never more than <paramref name="max"/> (→ 413). Anything else
    /// (fewer bytes, more bytes, a dropped connection) cuts the file back to <paramref name="offset"/> and is refused:
    /// "all bytes in that request are ignored", as Graph says of an interrupted fragment. The caller hashes into a
    /// copy that it throws away on failure.
    /// </summary>
    internal static async Task<long> ReceiveAsync(Stream body, string path, long offset, long? expected, long max, QuickXorHash hash, CancellationToken cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        await using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);
        file.SetLength(offset);
        file.Position = offset;
        var received = 0L;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancel)) > 0)
            {
                received += read;
                if (received > expected) throw Short($"The request body holds more than the {expected} bytes its headers declare.");
                if (received > max) throw TooLarge(max);
                hash.Append(buffer.AsSpan(0, read));
                await file.WriteAsync(buffer.AsMemory(0, read), cancel);
            }
            if (expected is { } length && received != length) throw Short($"The request body ended after {received} of {length} bytes.");
            return received;
        }
        catch (Exception e) when (e is GraphError or IOException or BadHttpRequestException or OperationCanceledException)
        {
            file.SetLength(offset);
            throw e as GraphError ?? Short("The request body could not be read to its end: " + e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static GraphError TooLarge(long max) =>
        new(413, "requestTooLarge", $"The request body is larger than the {max:N0} bytes this request may carry.");

    static GraphError Short(string message) => GraphError.BadRequest(message);

    string Place(string folder, string name)
    {
        var directory = Path.Combine(Root, folder);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    /// <summary>Removes every stored file (the store keeps its directory).</summary>
    public void Clear()
    {
        foreach (var folder in new[] { "incoming", "sessions", "blobs" })
        {
            var directory = Path.Combine(Root, folder);
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.GetFiles(directory)) Delete(file);
        }
    }

    public void Dispose()
    {
        if (!_owned) { Clear(); return; }
        try { if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
