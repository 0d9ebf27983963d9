using System.Buffers;
using System.Security.Cryptography;

namespace TeamsCrm.Bot.Archive.Documents;

/// <summary>
/// A file on its way into a store, first spooled to a temporary file: read to its end through a pooled buffer while its
/// SHA-256 and size are computed, the limit checked before each chunk is written (a file over it stops right there, having
/// read at most one buffer more). Memory stays flat whatever the size. Disposing removes the temporary file unless the
/// store has moved it in.
/// </summary>
public sealed class DocumentSpool : IAsyncDisposable
{
    const int BufferSize = 81920;

    DocumentSpool(string path, long size, string sha256) => (Path, Size, Sha256) = (path, size, sha256);

    public string Path { get; }
    public long Size { get; }
    /// <summary>Lower-case hex, as <see cref="Domain.Documents.CustomerDocument.ContentHash"/> keeps it.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Spools <paramref name="content"/> into a new file in <paramref name="folder"/>. Over <paramref name="maxBytes"/> →
    /// <see cref="DocumentTooLargeException"/>; that, a stream that fails or a cancellation leave no file behind.
    /// </summary>
    public static async Task<DocumentSpool> WriteAsync(Stream content, string folder, long maxBytes, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new DocumentTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return new DocumentSpool(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The spooled bytes, to send on: seekable, as an upload session needs.</summary>
    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        Delete(Path);
        return ValueTask.CompletedTask;
    }

    static void Delete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // nothing refers to a .part file: one left behind costs disk space only
    }
}
