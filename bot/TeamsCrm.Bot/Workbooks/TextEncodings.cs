using System.Text;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// The encoding of a CSV file. Excel writes "CSV UTF-8" with a byte-order mark, plain "CSV" in the system's ANSI code page —
/// GBK (code page 936) on Chinese Windows — without one, and "Unicode text" as UTF-16 with a mark. So: a mark decides;
/// without one, bytes that are valid UTF-8 throughout are UTF-8 (GBK text is almost never valid UTF-8), and anything else
/// is read as GB18030, the superset of GBK that .NET offers through <see cref="CodePagesEncodingProvider"/>.
/// </summary>
public static class TextEncodings
{
    // In the constructor, not a field initialiser: those run before it, and GB18030 exists only once the provider is registered.
    static TextEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>GB18030 (code page 54936), which reads GBK and GB2312 text the same.</summary>
    public static Encoding Gb18030 { get; }

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's encoding and the length of its byte-order mark; reads the stream through and leaves it at the start.</summary>
    public static (Encoding Encoding, int Preamble) Detect(Stream file)
    {
        file.Position = 0;
        Span<byte> head = stackalloc byte[3];
        var n = file.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        file.Position = 0;
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return (StrictUtf8, 3);
        if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE) return (new UnicodeEncoding(false, false, throwOnInvalidBytes: true), 2);
        if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF) return (new UnicodeEncoding(true, false, throwOnInvalidBytes: true), 2);
        var encoding = Decodes(file, StrictUtf8) ? (Encoding)StrictUtf8
            : Decodes(file, Gb18030) ? Gb18030
            : throw new WorkbookRefusedException(WorkbookProblem.UnknownEncoding);
        file.Position = 0;
        return (encoding, 0);
    }

    /// <summary>Whether the whole stream decodes without an invalid sequence, read in blocks (nothing of it kept).</summary>
    static bool Decodes(Stream file, Encoding encoding)
    {
        file.Position = 0;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = file.Read(bytes, 0, bytes.Length)) > 0) decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);   // a sequence cut off at the end is invalid too
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
