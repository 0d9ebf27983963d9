using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Packaging;

/// <summary>
/// Builds the Teams app package: manifest/manifest.json with its ${{NAME}} placeholders filled in, the zh-CN
/// strings and the two icons, all at the root of the zip (Teams refuses a package whose files sit in a folder).
/// </summary>
public static partial class AppPackage
{
    /// <summary>The files of a package, in the order they are written; each is taken from the manifest folder.</summary>
    public static readonly string[] Files = ["manifest.json", "zh-CN.json", "color.png", "outline.png"];

    /// <summary>The manifest with every placeholder replaced; throws when the template names one that has no value.</summary>
    public static string Manifest(string template, AppPackageValues values)
    {
        var filled = Placeholder().Replace(template, m => values.Placeholders.TryGetValue(m.Groups[1].Value, out var v)
            ? JsonEncodedText.Encode(v).ToString()   // values go inside JSON strings: keep the JSON valid whatever they hold
            : throw new InvalidOperationException($"manifest.json names ${{{{{m.Groups[1].Value}}}}}, which has no value."));
        using var _ = JsonDocument.Parse(filled);   // a broken template fails here, not at upload
        return filled;
    }

    public static void Write(string manifestDirectory, AppPackageValues values, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in Files)
        {
            var path = Path.Combine(manifestDirectory, name);
            if (!File.Exists(path)) throw new InvalidOperationException($"The app package needs {path}.");
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using var stream = entry.Open();
            if (name == "manifest.json")
                stream.Write(new UTF8Encoding(false).GetBytes(Manifest(File.ReadAllText(path), values)));
            else
                using (var file = File.OpenRead(path)) file.CopyTo(stream);
        }
    }

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
