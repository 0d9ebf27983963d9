using System.Text;
using System.Text.Unicode;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// Makes a request body valid Unicode before it is parsed, the way a text decoder does: invalid UTF-8 sequences and
/// JSON escapes of lone UTF-16 surrogates (<c>"\ud800"</c> with no partner) become U+FFFD. JSON's grammar allows such
/// escapes, but System.Text.Json refuses to turn them into strings ("Cannot read incomplete UTF-16 JSON text") only when
/// a string is finally read — deep inside a turn, long after the request was accepted. Repaired here, every string the
/// app ever reads is valid text, and a message with one broken emoji is still answered.
/// </summary>
public static class UnicodeRepair
{
    static readonly byte[] Replacement = "\\uFFFD"u8.ToArray();

    /// <summary>The body itself when it needs nothing (the common case: no copy), else a repaired copy.</summary>
    public static byte[] Repair(byte[] body)
    {
        // Encoding.UTF8 decodes each invalid sequence to U+FFFD; valid bodies skip the round trip.
        if (!Utf8.IsValid(body)) body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body));
        byte[]? repaired = null;
        var span = body.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var next = span[i..].IndexOf((byte)'\\');
            if (next < 0) break;
            i += next;
            // Every backslash in valid JSON starts an escape; "\\" is skipped whole, so "\\u0041" is not read as \u0041.
            if (i + 1 >= span.Length || span[i + 1] != (byte)'u' || !TryReadUnit(span, i + 2, out var unit))
            {
                i += 2;
                continue;
            }
            if (char.IsHighSurrogate(unit) && i + 12 <= span.Length && span[i + 6] == (byte)'\\' && span[i + 7] == (byte)'u'
                && TryReadUnit(span, i + 8, out var low) && char.IsLowSurrogate(low))
            {
                i += 12;   // a proper pair
                continue;
            }
            if (char.IsSurrogate(unit))
            {
                repaired ??= body.ToArray();
                Replacement.CopyTo(repaired, i);   // same length as the escape it replaces
            }
            i += 6;
        }
        return repaired ?? body;
    }

    static bool TryReadUnit(ReadOnlySpan<byte> span, int at, out char unit)
    {
        unit = '\0';
        if (at + 4 > span.Length) return false;
        var value = 0;
        foreach (var b in span.Slice(at, 4))
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        unit = (char)value;
        return true;
    }
}
