using System.Buffers.Binary;
using System.IO.Compression;

namespace TeamsCrm.Deploy.Tests;

/// <summary>
/// Just enough PNG to check the icons: the IHDR header, and the pixels of 8-bit RGB/RGBA non-interlaced images
/// (what rsvg-convert writes) with the five scanline filters undone.
/// </summary>
public sealed record Png(int Width, int Height, int BitDepth, int ColorType, int Interlace, byte[] Rgba)
{
    public const int Rgb = 2, RgbAlpha = 6;

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public static Png Read(byte[] file)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("Not a PNG file.");
        int width = 0, height = 0, depth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 12 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (depth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        return new Png(width, height, depth, colorType, interlace, depth == 8 && interlace == 0 && colorType is Rgb or RgbAlpha
            ? Unfilter(idat.ToArray(), width, height, colorType == RgbAlpha ? 4 : 3)
            : []);
    }

    static byte[] Unfilter(byte[] compressed, int width, int height, int channels)
    {
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var rows = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[y * (stride + 1) + 1 + x];
                int left = x >= channels ? rows[y * stride + x - channels] : 0;
                int up = y > 0 ? rows[(y - 1) * stride + x] : 0;
                int upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
                rows[y * stride + x] = (byte)(value + filter switch
                {
                    0 => 0, 1 => left, 2 => up, 3 => (left + up) / 2, 4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                });
            }
        }
        if (channels == 4) return rows;
        var rgba = new byte[width * height * 4];
        for (int i = 0, j = 0; i < rows.Length; i += 3, j += 4)
            (rgba[j], rgba[j + 1], rgba[j + 2], rgba[j + 3]) = (rows[i], rows[i + 1], rows[i + 2], 255);
        return rgba;
    }

    static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
