using System.Security.Cryptography;

namespace TeamsCrm.Bot.Tests.Archive;

/// <summary>
/// Content as a chat download gives it: a forward-only stream of a given length, its bytes computed from their position
/// (nothing held), counting what was read and, when asked, failing part-way like a dropped connection.
/// </summary>
public sealed class SourceStream(long length, int seed = 1, long? failAfter = null) : Stream
{
    public long BytesRead { get; private set; }

    public static byte At(long position, int seed) => (byte)(position * 31 + (position >> 11) + seed * 7);

    /// <summary>The bytes such a stream gives, for comparing.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = At(i, seed);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (BytesRead >= failAfter) throw new IOException("The connection was reset by the peer.");
        var n = (int)Math.Min(count, Math.Min(length, failAfter ?? long.MaxValue) - BytesRead);
        for (var i = 0; i < n; i++) buffer[offset + i] = At(BytesRead + i, seed);
        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
