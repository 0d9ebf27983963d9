using System.Text.RegularExpressions;
using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.State;

/// <summary>What "@microsoft.graph.conflictBehavior" asks for when the name is taken.</summary>
public enum ConflictBehavior { Fail, Replace, Rename }

/// <summary>SharePoint's rules for file and folder names, its renaming on conflict, and the types it infers.</summary>
public static partial class DriveNames
{
    /// <summary>
    /// SharePoint Online refuses <c>" * : &lt; &gt; ? / \ |</c>, leading or trailing spaces, the names "." and "..",
    /// names starting with "~$", "_vti_" anywhere, and the reserved names (.lock, CON, PRN, AUX, NUL, COM0–9, LPT0–9,
    /// desktop.ini). Graph answers 400.
    /// </summary>
    public static void Check(string name)
    {
        if (string.IsNullOrEmpty(name)) throw Invalid(name, "a name is needed");
        if (name.IndexOfAny(Forbidden) >= 0 || name.Any(char.IsControl)) throw Invalid(name, "it contains a character SharePoint does not allow (\" * : < > ? / \\ |)");
        if (name != name.Trim()) throw Invalid(name, "it starts or ends with a space");
        if (name is "." or ".." || name.StartsWith("~$", StringComparison.Ordinal) || name.Contains("_vti_", StringComparison.OrdinalIgnoreCase)
            || Reserved().IsMatch(name))
            throw Invalid(name, "it is a name SharePoint reserves");
    }

    public static ConflictBehavior ParseBehavior(string? text, ConflictBehavior fallback) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "fail" => ConflictBehavior.Fail,
        "replace" => ConflictBehavior.Replace,
        "rename" => ConflictBehavior.Rename,
        _ => throw GraphError.BadRequest($"'{text}' is not a valid @microsoft.graph.conflictBehavior (fail, replace or rename)."),
    };

    /// <summary>SharePoint's rename on conflict: "offer.pdf" → "offer 1.pdf", "offer 2.pdf"…; a folder "A" → "A 1".</summary>
    internal static string FreeName(IReadOnlyDictionary<string, FakeDriveItem> siblings, string name, bool folder)
    {
        var dot = folder ? -1 : name.LastIndexOf('.');
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        for (var n = 1; ; n++)
        {
            var candidate = $"{stem} {n}{extension}";
            if (!siblings.ContainsKey(candidate)) return candidate;
        }
    }

    /// <summary>SharePoint takes a file's type from its extension, not from the Content-Type of the upload.</summary>
    public static string MimeType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".heic" => "image/heic",
        ".txt" => "text/plain",
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".zip" => "application/x-zip-compressed",
        _ => "application/octet-stream",
    };

    static readonly char[] Forbidden = ['"', '*', ':', '<', '>', '?', '/', '\\', '|'];

    static GraphError Invalid(string name, string why) => GraphError.BadRequest($"The name '{name}' is not valid: {why}.");

    [GeneratedRegex(@"^(\.lock|CON|PRN|AUX|NUL|COM\d|LPT\d|desktop\.ini)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
