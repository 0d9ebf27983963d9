using System.Text;

namespace TeamsCrm.Bot.Domain.Documents;

/// <summary>
/// A file name as a person's device sent it, made safe to keep: no folders in it (no path traversal), none of the
/// characters SharePoint refuses (" * : &lt; &gt; ? / \ |), no control characters, no leading or trailing dots and spaces,
/// no name Windows or SharePoint reserves; Chinese and other letters kept as they are.
/// </summary>
public static class DocumentNames
{
    /// <summary>SharePoint allows 400 characters for a whole path; a name well below that leaves room for the folders.</summary>
    public const int MaxLength = 120;
    const string Refused = "\"*:<>?/\\|#%";
    static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "desktop.ini", "_vti_", "forms",
    };

    public static string Sanitise(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Trim().Trim('.').Length > 0) ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var ch in Dropping(last).Normalize(NormalizationForm.FormC))   // Normalize throws on a lone surrogate
        {
            if (char.IsControl(ch)) continue;
            clean.Append(Refused.Contains(ch) ? '_' : ch);
        }
        // SharePoint refuses "_vti_" anywhere in a name (its own folders' marker).
        var result = clean.ToString().Replace("_vti_", "_vti-", StringComparison.OrdinalIgnoreCase).Trim().Trim('.', ' ', '~', '$');
        if (result.Length == 0 || Reserved.Contains(Path.GetFileNameWithoutExtension(result)) || Reserved.Contains(result)) result = "file" + Extension(result);
        if (result.Length <= MaxLength) return result;
        var extension = Extension(result);
        return result[..(MaxLength - extension.Length)].TrimEnd('.', ' ') + extension;
    }

    /// <summary>The extension in lower case with its dot (".pdf"), or "" when there is none.</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 || name.Length - dot > 10 ? "" : name[dot..].ToLowerInvariant();
    }

    /// <summary>Lone surrogates (a name cut in the middle of a character) cannot be stored: dropped.</summary>
    static string Dropping(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(text, i++, 2); continue; }
            if (!char.IsSurrogate(text[i])) sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
