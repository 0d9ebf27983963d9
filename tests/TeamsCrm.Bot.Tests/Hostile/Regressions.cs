using System.Security.Cryptography;
using System.Text;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>
/// Every hostile body that ever made the bot fail, kept in the source tree (Hostile/Regressions/&lt;hash&gt;.json, the exact
/// bytes, the fake connector written as <see cref="HostileJson.Connector"/>) and replayed on every run. Commit new ones.
/// </summary>
static class Regressions
{
    public static string Folder => Repo.Path("tests", "TeamsCrm.Bot.Tests", "Hostile", "Regressions");

    public static IReadOnlyList<string> All() =>
        System.IO.Directory.Exists(Folder) ? [.. System.IO.Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)] : [];

    /// <summary>Writes the body (named by its content, so a body found twice is kept once); returns its path.</summary>
    public static string Keep(byte[] body)
    {
        System.IO.Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, Convert.ToHexStringLower(SHA256.HashData(body))[..16] + ".json");
        File.WriteAllBytes(path, body);
        return path;
    }
}

static class Bytes
{
    public static byte[] Replace(byte[] source, string find, string with)
    {
        var needle = Encoding.UTF8.GetBytes(find);
        var at = source.AsSpan().IndexOf(needle);
        if (at < 0) return source;
        var replacement = Encoding.UTF8.GetBytes(with);
        using var output = new MemoryStream(source.Length + 64);
        var rest = source.AsSpan();
        while ((at = rest.IndexOf(needle)) >= 0)
        {
            output.Write(rest[..at]);
            output.Write(replacement);
            rest = rest[(at + needle.Length)..];
        }
        output.Write(rest);
        return output.ToArray();
    }
}
