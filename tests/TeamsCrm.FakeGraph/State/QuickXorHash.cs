using System.Runtime.InteropServices;

namespace TeamsCrm.FakeGraph.State;

/// <summary>
/// OneDrive's quickXorHash, the one hash SharePoint Online reports in <c>file.hashes</c> (sha1, crc32 and sha256 are
/// "not available" there, says the hashes resource page). The published algorithm: a 160-bit register; byte n of the
/// file is XORed in at bit (11·n) mod 160, wrapping round; at the end the file length (64-bit little-endian) is XORed
/// into the register's last 8 bytes; the 20 bytes are given in base64.
/// Because a byte's position depends only on n mod 160, the bytes are first folded into 160 lanes (lane k = XOR of
/// every byte with n ≡ k), which makes appending cheap and the state small enough to copy: an upload fragment that
/// fails half-way is undone by going back to the copy taken before it.
/// </summary>
public sealed class QuickXorHash
{
    const int WidthInBits = 160, Shift = 11;
    readonly byte[] _lanes = new byte[WidthInBits];

    /// <summary>Bytes appended so far.</summary>
    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        var lane = (int)((Length - data.Length) % WidthInBits);
        // Byte by byte up to the next lane 0, then whole rounds of 160 bytes as 20 ulongs, then the rest.
        while (lane != 0 && !data.IsEmpty)
        {
            _lanes[lane] ^= data[0];
            data = data[1..];
            if (++lane == WidthInBits) lane = 0;
        }
        var lanes = MemoryMarshal.Cast<byte, ulong>(_lanes.AsSpan());
        for (; data.Length >= WidthInBits; data = data[WidthInBits..])
        {
            var round = MemoryMarshal.Cast<byte, ulong>(data[..WidthInBits]);
            for (var i = 0; i < lanes.Length; i++) lanes[i] ^= round[i];
        }
        for (var i = 0; i < data.Length; i++) _lanes[i] ^= data[i];
    }

    public QuickXorHash Clone()
    {
        var copy = new QuickXorHash { Length = Length };
        _lanes.CopyTo(copy._lanes, 0);
        return copy;
    }

    public byte[] Hash()
    {
        var register = new byte[WidthInBits / 8];
        for (var k = 0; k < WidthInBits; k++)
        {
            if (_lanes[k] == 0) continue;
            var at = k * Shift % WidthInBits;
            for (var bit = 0; bit < 8; bit++)
            {
                if ((_lanes[k] >> bit & 1) == 0) continue;
                var position = (at + bit) % WidthInBits;
                register[position / 8] ^= (byte)(1 << position % 8);
            }
        }
        var length = BitConverter.GetBytes(Length);
        if (!BitConverter.IsLittleEndian) Array.Reverse(length);
        for (var i = 0; i < length.Length; i++) register[register.Length - length.Length + i] ^= length[i];
        return register;
    }

    public string ToBase64() => Convert.ToBase64String(Hash());

    public static string Of(ReadOnlySpan<byte> data)
    {
        var hash = new QuickXorHash();
        hash.Append(data);
        return hash.ToBase64();
    }
}
